using Engine.Core.Catalog;

namespace Engine.Core.Scheduling;

/// <summary>What a scheduler needs besides the fragments: the query's identity and where partitions are read from on this node.</summary>
public sealed class QueryContext
{
    /// <summary>Creates the context of query <paramref name="queryId"/>.</summary>
    public QueryContext(Guid queryId, IPartitionReader reader)
    {
        QueryId = queryId;
        Reader = reader;
    }

    /// <summary>The query being run.</summary>
    public Guid QueryId { get; }

    /// <summary>Reads partitions on this node (local schedulers use it; remote workers have their own).</summary>
    public IPartitionReader Reader { get; }
}
