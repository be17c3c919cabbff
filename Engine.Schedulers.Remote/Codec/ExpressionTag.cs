namespace Engine.Schedulers.Remote.Codec;

/// <summary>The first element of an encoded expression node: which kind of node follows. Stable wire values.</summary>
internal enum ExpressionTag
{
    /// <summary><c>[1, type, index, name]</c>.</summary>
    Column = 1,

    /// <summary><c>[2, scalar]</c>.</summary>
    Literal = 2,

    /// <summary><c>[4, operator, left, right]</c>.</summary>
    Comparison = 4,

    /// <summary><c>[5, operator, left, right]</c>.</summary>
    Logical = 5,

    /// <summary><c>[6, operand]</c>.</summary>
    Not = 6,

    /// <summary><c>[8, negated, operand]</c>.</summary>
    IsNull = 8,

    /// <summary><c>[9, negated, operand, [scalar, …]]</c>.</summary>
    InList = 9,

    /// <summary><c>[10, type, try, operand]</c>.</summary>
    Cast = 10,

    /// <summary><c>[12, wireName, resultType, [argument, …]]</c>: a registered scalar function, bound again by the reader.</summary>
    Function = 12,

    /// <summary><c>[13, type, [when, then, when, then, …], else]</c>: a searched CASE.</summary>
    Case = 13,

    /// <summary><c>[14, negated, left, right]</c>: IS [NOT] DISTINCT FROM.</summary>
    DistinctFrom = 14,
}
