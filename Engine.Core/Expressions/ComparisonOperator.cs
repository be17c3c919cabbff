namespace Engine.Core.Expressions;

/// <summary>Comparison operators; a comparison with NULL is NULL.</summary>
public enum ComparisonOperator : byte
{
    /// <summary>=</summary>
    Equal,

    /// <summary>&lt;&gt;</summary>
    NotEqual,

    /// <summary>&lt;</summary>
    Less,

    /// <summary>&lt;=</summary>
    LessOrEqual,

    /// <summary>&gt;</summary>
    Greater,

    /// <summary>&gt;=</summary>
    GreaterOrEqual,
}
