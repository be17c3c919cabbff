namespace Engine.Schedulers.Remote.Codec;

/// <summary>The first element of an encoded expression node: which bound expression it is. Values are part of the wire format.</summary>
public enum ExpressionTag
{
    /// <summary><c>[1, type, index, name]</c>: a column of the scanned batch.</summary>
    Column = 1,

    /// <summary><c>[2, scalar]</c>: a constant.</summary>
    Literal = 2,

    /// <summary><c>[3, operator, resultType, left, right]</c>: + - * / %.</summary>
    Arithmetic = 3,

    /// <summary><c>[4, operator, left, right]</c>: = &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
    Comparison = 4,

    /// <summary><c>[5, operator, left, right]</c>: AND / OR.</summary>
    Logical = 5,

    /// <summary><c>[6, operand]</c>: NOT.</summary>
    Not = 6,

    /// <summary><c>[7, operand]</c>: unary minus.</summary>
    Negate = 7,

    /// <summary><c>[8, negated, operand]</c>: IS [NOT] NULL.</summary>
    IsNull = 8,

    /// <summary><c>[9, negated, operand, [scalar, ...]]</c>: [NOT] IN (...).</summary>
    InList = 9,

    /// <summary><c>[10, targetType, operand]</c>: a type conversion.</summary>
    Cast = 10,

    /// <summary><c>[11, widthMicros, originMicros, operand]</c>: time_bucket.</summary>
    TimeBucket = 11,
}
