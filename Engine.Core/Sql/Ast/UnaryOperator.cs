namespace Engine.Core.Sql.Ast;

/// <summary>The prefix operators of <see cref="UnaryExpression"/>.</summary>
public enum UnaryOperator
{
    /// <summary>Arithmetic negation, <c>-x</c>.</summary>
    Negate,

    /// <summary>Logical negation, <c>NOT x</c>.</summary>
    Not,
}
