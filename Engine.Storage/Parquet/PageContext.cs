using System.Diagnostics.CodeAnalysis;
using Engine.Core.Errors;

namespace Engine.Storage.Parquet;

/// <summary>
/// Where decoding is happening (object, column, page offset), so that every decoding error names them.
/// Created per page by the column-chunk decoder; not shared between threads.
/// </summary>
internal sealed class PageContext(string objectName, string column)
{
    /// <summary>The file (object key).</summary>
    public string ObjectName { get; } = objectName;

    /// <summary>The column being decoded.</summary>
    public string Column { get; } = column;

    /// <summary>The absolute offset of the current page header.</summary>
    public long PageOffset { get; set; }

    /// <summary>Throws a <see cref="CorruptDataException"/> for the current page.</summary>
    [DoesNotReturn]
    public void Fail(string problem) => throw Corrupt(problem);

    /// <summary>Creates a <see cref="CorruptDataException"/> for the current page.</summary>
    public CorruptDataException Corrupt(string problem) =>
        new(ObjectName, PageOffset, $"column '{Column}': {problem}");
}
