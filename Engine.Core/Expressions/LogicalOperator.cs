namespace Engine.Core.Expressions;

/// <summary>Boolean connectives with SQL three-valued logic.</summary>
public enum LogicalOperator : byte
{
    /// <summary>AND: false if either side is false, else NULL if either is NULL.</summary>
    And,

    /// <summary>OR: true if either side is true, else NULL if either is NULL.</summary>
    Or,
}
