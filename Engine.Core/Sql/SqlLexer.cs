using System.Globalization;
using System.Text;
using Engine.Core.Errors;

namespace Engine.Core.Sql;

/// <summary>
/// Splits SQL text into tokens on demand, skipping white space and comments (<c>-- ...</c> to the end
/// of the line, <c>/* ... */</c>). Tracks line and column; allocates only the decoded text of names and
/// strings. Throws <see cref="QuerySyntaxException"/> for unterminated strings, quoted names and comments,
/// and for characters that cannot start a token. One instance serves one parse, on one thread.
/// </summary>
internal sealed class SqlLexer
{
    private readonly string _sql;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _lastEndLine = 1;
    private int _lastEndColumn = 1;

    /// <summary>Creates a lexer positioned at the start of <paramref name="sql"/>.</summary>
    public SqlLexer(string sql)
    {
        _sql = sql;
    }

    /// <summary>Reads the next token; at the end it returns <see cref="SqlTokenKind.EndOfInput"/> every time.</summary>
    public SqlToken Next()
    {
        SkipTrivia();
        if (_position >= _sql.Length)
        {
            return new SqlToken(SqlTokenKind.EndOfInput, _sql.Length, 0, _lastEndLine, _lastEndColumn, null);
        }

        var start = _position;
        var line = _line;
        var column = start - _lineStart + 1;
        var c = _sql[start];
        string? text = null;
        SqlTokenKind kind;
        if (SqlKeywords.IsIdentifierStart(c))
        {
            _position++;
            while (_position < _sql.Length && SqlKeywords.IsIdentifierPart(_sql[_position]))
            {
                _position++;
            }

            kind = SqlTokenKind.Identifier;
            text = _sql.Substring(start, _position - start);
        }
        else if (char.IsAsciiDigit(c) || (c == '.' && start + 1 < _sql.Length && char.IsAsciiDigit(_sql[start + 1])))
        {
            kind = ScanNumber(line, column);
        }
        else if (c == '\'')
        {
            kind = SqlTokenKind.String;
            text = ScanQuoted('\'', line, column, "string literal");
        }
        else if (c == '"')
        {
            kind = SqlTokenKind.QuotedIdentifier;
            text = ScanQuoted('"', line, column, "quoted identifier");
            if (text.Length == 0)
            {
                throw new QuerySyntaxException("A quoted identifier must not be empty", _sql, line, column);
            }
        }
        else
        {
            kind = ScanSymbol(c, line, column);
        }

        _lastEndLine = _line;
        _lastEndColumn = _position - _lineStart + 1;
        return new SqlToken(kind, start, _position - start, line, column, text);
    }

    private void SkipTrivia()
    {
        while (_position < _sql.Length)
        {
            var c = _sql[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                var end = _sql.IndexOf('\n', _position);
                _position = end < 0 ? _sql.Length : end;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var line = _line;
                var column = _position - _lineStart + 1;
                var end = _sql.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new QuerySyntaxException("Unterminated block comment: '/*' has no closing '*/'", _sql, line, column);
                }

                AdvanceOverText(end + 2);
            }
            else
            {
                return;
            }
        }
    }

    private SqlTokenKind ScanNumber(int line, int column)
    {
        var start = _position;
        var kind = SqlTokenKind.Integer;
        SkipDigits();
        if (Peek(0) == '.')
        {
            kind = SqlTokenKind.Float;
            _position++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            kind = SqlTokenKind.Float;
            _position++;
            if (Peek(0) is '+' or '-')
            {
                _position++;
            }

            if (!char.IsAsciiDigit(Peek(0)))
            {
                throw InvalidNumber(start, line, column);
            }

            SkipDigits();
        }

        if (SqlKeywords.IsIdentifierPart(Peek(0)) || Peek(0) == '.')
        {
            throw InvalidNumber(start, line, column);
        }

        return kind;
    }

    private QuerySyntaxException InvalidNumber(int start, int line, int column)
    {
        var end = _position;
        while (end < _sql.Length && (SqlKeywords.IsIdentifierPart(_sql[end]) || _sql[end] == '.'))
        {
            end++;
        }

        return new QuerySyntaxException($"Invalid number '{_sql[start..end]}'", _sql, line, column);
    }

    private void SkipDigits()
    {
        while (_position < _sql.Length && char.IsAsciiDigit(_sql[_position]))
        {
            _position++;
        }
    }

    /// <summary>Scans text between <paramref name="quote"/> characters, where a doubled quote stands for one.</summary>
    private string ScanQuoted(char quote, int line, int column, string what)
    {
        var contentStart = _position + 1;
        var scan = contentStart;
        StringBuilder? builder = null;
        while (true)
        {
            var close = _sql.IndexOf(quote, scan);
            if (close < 0)
            {
                throw new QuerySyntaxException(
                    $"Unterminated {what}: the {quote} opened here is never closed", _sql, line, column);
            }

            if (close + 1 < _sql.Length && _sql[close + 1] == quote)
            {
                builder ??= new StringBuilder();
                builder.Append(_sql, scan, close + 1 - scan);
                scan = close + 2;
                continue;
            }

            string text;
            if (builder is null)
            {
                text = _sql.Substring(contentStart, close - contentStart);
            }
            else
            {
                builder.Append(_sql, scan, close - scan);
                text = builder.ToString();
            }

            AdvanceOverText(close + 1);
            return text;
        }
    }

    /// <summary>Moves to <paramref name="end"/>, counting the line breaks passed on the way.</summary>
    private void AdvanceOverText(int end)
    {
        while (true)
        {
            var newline = _sql.IndexOf('\n', _position, end - _position);
            if (newline < 0)
            {
                break;
            }

            _line++;
            _lineStart = newline + 1;
            _position = newline + 1;
        }

        _position = end;
    }

    private SqlTokenKind ScanSymbol(char c, int line, int column)
    {
        _position++;
        switch (c)
        {
            case ',': return SqlTokenKind.Comma;
            case '(': return SqlTokenKind.LeftParen;
            case ')': return SqlTokenKind.RightParen;
            case ';': return SqlTokenKind.Semicolon;
            case '*' when Peek(0) == '*':
                throw new UnsupportedFeatureException("the ** operator is not supported yet; use power(x, y)", _sql, line, column);
            case '^':
                throw new UnsupportedFeatureException("the ^ operator is not supported yet; use power(x, y)", _sql, line, column);
            case '*': return SqlTokenKind.Star;
            case '+': return SqlTokenKind.Plus;
            case '-': return SqlTokenKind.Minus;
            case '/': return SqlTokenKind.Slash;
            case '%': return SqlTokenKind.Percent;
            case '=':
                if (Peek(0) == '=')
                {
                    _position++;
                }

                return SqlTokenKind.Equal;
            case '<':
                if (Peek(0) == '=')
                {
                    _position++;
                    return SqlTokenKind.LessOrEqual;
                }

                if (Peek(0) == '>')
                {
                    _position++;
                    return SqlTokenKind.NotEqual;
                }

                return SqlTokenKind.Less;
            case '>':
                if (Peek(0) == '=')
                {
                    _position++;
                    return SqlTokenKind.GreaterOrEqual;
                }

                return SqlTokenKind.Greater;
            case '!' when Peek(0) == '=':
                _position++;
                return SqlTokenKind.NotEqual;
            case '|' when Peek(0) == '|':
                _position++;
                return SqlTokenKind.Concat;
            case ':' when Peek(0) == ':':
                _position++;
                return SqlTokenKind.DoubleColon;
            case '.': return SqlTokenKind.Dot;
            case '[': return SqlTokenKind.LeftBracket;
            case ']': return SqlTokenKind.RightBracket;
            default:
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
                    ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                    : "'" + c + "'";
                throw new QuerySyntaxException($"Unexpected character {shown}", _sql, line, column);
        }
    }

    private char Peek(int ahead)
    {
        var index = _position + ahead;
        return index < _sql.Length ? _sql[index] : '\0';
    }
}
