namespace Engine.Core.Sql;

/// <summary>The kinds of token <see cref="SqlLexer"/> produces.</summary>
internal enum SqlTokenKind
{
    /// <summary>No more tokens; positioned just after the last real token.</summary>
    EndOfInput,

    /// <summary>An unquoted word: a keyword, a name or a function name.</summary>
    Identifier,

    /// <summary>A double-quoted name.</summary>
    QuotedIdentifier,

    /// <summary>A single-quoted string.</summary>
    String,

    /// <summary>Digits only.</summary>
    Integer,

    /// <summary>A number with a decimal point or an exponent.</summary>
    Float,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary><c>*</c></summary>
    Star,

    /// <summary><c>+</c></summary>
    Plus,

    /// <summary><c>-</c></summary>
    Minus,

    /// <summary><c>/</c></summary>
    Slash,

    /// <summary><c>%</c></summary>
    Percent,

    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>&lt;&gt;</c> or <c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>||</c></summary>
    Concat,

    /// <summary><c>::</c></summary>
    DoubleColon,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,
}
