namespace Engine.Core.Sql.Ast;

/// <summary>The set operations between queries.</summary>
public enum SetOperator
{
    /// <summary>Rows of either side (distinct unless ALL).</summary>
    Union,

    /// <summary>Rows of both sides (distinct unless ALL).</summary>
    Intersect,

    /// <summary>Rows of the left side that the right side lacks (distinct unless ALL).</summary>
    Except,
}
