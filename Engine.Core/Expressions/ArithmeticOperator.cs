namespace Engine.Core.Expressions;

/// <summary>Binary arithmetic operators.</summary>
public enum ArithmeticOperator : byte
{
    /// <summary>Addition; BIGINT overflow is an error.</summary>
    Add,

    /// <summary>Subtraction; BIGINT overflow is an error.</summary>
    Subtract,

    /// <summary>Multiplication; BIGINT overflow is an error.</summary>
    Multiply,

    /// <summary>Division; always DOUBLE with IEEE semantics (x / 0 is ±Infinity, 0 / 0 is NaN), as in DuckDB.</summary>
    Divide,

    /// <summary>Remainder with the sign of the dividend; BIGINT x % 0 is NULL, as in DuckDB.</summary>
    Modulo,
}
