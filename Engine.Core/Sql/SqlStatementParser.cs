using System.Globalization;
using Engine.Core.Errors;
using Engine.Core.Sql.Ast;

namespace Engine.Core.Sql;

/// <summary>
/// The recursive-descent parser behind <see cref="SqlParser.Parse"/>. Precedence, low to high: OR, AND,
/// NOT, comparison / IS / IN / BETWEEN, + -, * / %, unary minus. Nesting and tree height are capped at
/// <see cref="MaxDepth"/> so hostile input cannot exhaust the stack here or in later tree walks.
/// One instance parses one statement, on one thread.
/// </summary>
internal sealed class SqlStatementParser
{
    /// <summary>The deepest expression nesting (parentheses, operators, calls) accepted.</summary>
    public const int MaxDepth = 200;

    private readonly string _sql;
    private readonly SqlLexer _lexer;
    private readonly List<SqlToken> _tokens = [];
    private int _index;
    private int _nesting;

    /// <summary>The height of the expression tree the last expression method returned.</summary>
    private int _height;

    /// <summary>Creates a parser over <paramref name="sql"/>.</summary>
    public SqlStatementParser(string sql)
    {
        _sql = sql;
        _lexer = new SqlLexer(sql);
    }

    private SqlToken Current => Peek(0);

    /// <summary>Parses the whole text as one statement and rejects anything after it.</summary>
    public SqlStatement ParseStatement()
    {
        var start = Current;
        if (start.Kind == SqlTokenKind.EndOfInput
            || (start.Kind == SqlTokenKind.Semicolon && Peek(1).Kind == SqlTokenKind.EndOfInput))
        {
            throw Error(start, "Empty query: expected a SELECT statement");
        }

        var explain = false;
        var analyze = false;
        if (IsWord(Current, "EXPLAIN"))
        {
            explain = true;
            Advance();
            if (IsWord(Current, "ANALYZE"))
            {
                analyze = true;
                Advance();
            }
        }

        var select = ParseSelect();
        var position = Span(start);
        if (Current.Kind == SqlTokenKind.Semicolon)
        {
            Advance();
        }

        if (Current.Kind != SqlTokenKind.EndOfInput)
        {
            throw Error(Current, $"Expected the end of the statement but found {Describe(Current)}");
        }

        return new SqlStatement(select, explain, analyze, position);
    }

    private SelectStatement ParseSelect()
    {
        var start = Current;
        ExpectWord("SELECT");
        var items = new List<SelectItem> { ParseSelectItem() };
        while (TryAdvance(SqlTokenKind.Comma))
        {
            items.Add(ParseSelectItem());
        }

        ExpectWord("FROM");
        var from = ParseTableRef();

        SqlExpression? where = null;
        if (TryAdvanceWord("WHERE"))
        {
            where = ParseExpression();
        }

        var groupBy = new List<SqlExpression>();
        if (TryAdvanceWord("GROUP"))
        {
            ExpectWord("BY");
            groupBy.Add(ParseExpression());
            while (TryAdvance(SqlTokenKind.Comma))
            {
                groupBy.Add(ParseExpression());
            }
        }

        SqlExpression? having = null;
        if (TryAdvanceWord("HAVING"))
        {
            having = ParseExpression();
        }

        var orderBy = new List<OrderItem>();
        if (TryAdvanceWord("ORDER"))
        {
            ExpectWord("BY");
            orderBy.Add(ParseOrderItem());
            while (TryAdvance(SqlTokenKind.Comma))
            {
                orderBy.Add(ParseOrderItem());
            }
        }

        LimitClause? limit = null;
        if (IsWord(Current, "LIMIT"))
        {
            limit = ParseLimit();
        }

        return new SelectStatement(items, from, where, groupBy, having, orderBy, limit, Span(start));
    }

    private SelectItem ParseSelectItem()
    {
        var start = Current;
        if (TryAdvance(SqlTokenKind.Star))
        {
            return new SelectItem(null, null, IsStar: true, Span(start));
        }

        var expression = ParseExpression();
        string? alias = null;
        if (TryAdvanceWord("AS"))
        {
            if (!IsName(Current))
            {
                throw Error(Current, $"Expected an alias after AS but found {Describe(Current)}");
            }

            alias = Advance().Text;
        }
        else if (IsName(Current))
        {
            alias = Advance().Text;
        }

        return new SelectItem(expression, alias, IsStar: false, Span(start));
    }

    private TableRef ParseTableRef()
    {
        var token = Current;
        if (IsName(token))
        {
            Advance();
            return new TableRef(token.Text!, IsPath: false, Span(token));
        }

        if (token.Kind == SqlTokenKind.String)
        {
            Advance();
            return new TableRef(token.Text!, IsPath: true, Span(token));
        }

        throw Error(token, $"Expected a table name or a quoted path after FROM but found {Describe(token)}");
    }

    private OrderItem ParseOrderItem()
    {
        var start = Current;
        var expression = ParseExpression();
        var descending = false;
        if (TryAdvanceWord("DESC"))
        {
            descending = true;
        }
        else
        {
            TryAdvanceWord("ASC");
        }

        bool? nullsFirst = null;
        if (TryAdvanceWord("NULLS"))
        {
            if (TryAdvanceWord("FIRST"))
            {
                nullsFirst = true;
            }
            else if (TryAdvanceWord("LAST"))
            {
                nullsFirst = false;
            }
            else
            {
                throw Error(Current, $"Expected FIRST or LAST after NULLS but found {Describe(Current)}");
            }
        }

        return new OrderItem(expression, descending, nullsFirst, Span(start));
    }

    private LimitClause ParseLimit()
    {
        var start = Advance();
        var count = Current;
        if (count.Kind != SqlTokenKind.Integer)
        {
            var problem = "LIMIT must be a non-negative integer";
            throw Error(count, count.Kind == SqlTokenKind.EndOfInput ? problem + " but found the end of input" : problem);
        }

        Advance();
        return new LimitClause(ParseInteger(count, negate: false, count), Span(start));
    }

    /// <summary>Parses an expression at the lowest precedence (OR), counting one level of nesting.</summary>
    private SqlExpression ParseExpression()
    {
        Enter();
        var expression = ParseOr();
        _nesting--;
        return expression;
    }

    private SqlExpression ParseOr()
    {
        var left = ParseAnd();
        var height = _height;
        while (IsWord(Current, "OR"))
        {
            var op = Advance();
            var right = ParseAnd();
            height = Grow(height, _height, op);
            left = new BinaryExpression(BinaryOperator.Or, left, right, Span(left.Position));
        }

        _height = height;
        return left;
    }

    private SqlExpression ParseAnd()
    {
        var left = ParseNot();
        var height = _height;
        while (IsWord(Current, "AND"))
        {
            var op = Advance();
            var right = ParseNot();
            height = Grow(height, _height, op);
            left = new BinaryExpression(BinaryOperator.And, left, right, Span(left.Position));
        }

        _height = height;
        return left;
    }

    private SqlExpression ParseNot()
    {
        if (!IsWord(Current, "NOT"))
        {
            return ParseComparison();
        }

        var op = Advance();
        Enter();
        var operand = ParseNot();
        _nesting--;
        _height = Grow(_height, 0, op);
        return new UnaryExpression(UnaryOperator.Not, operand, Span(op));
    }

    private SqlExpression ParseComparison()
    {
        var left = ParseAdditive();
        var height = _height;
        while (true)
        {
            var token = Current;
            if (ComparisonOperator(token.Kind) is BinaryOperator op)
            {
                Advance();
                var right = ParseAdditive();
                height = Grow(height, _height, token);
                left = new BinaryExpression(op, left, right, Span(left.Position));
            }
            else if (IsWord(token, "IS"))
            {
                Advance();
                var negated = TryAdvanceWord("NOT");
                if (!TryAdvanceWord("NULL"))
                {
                    throw Error(Current, $"Expected {(negated ? "NULL" : "NULL or NOT NULL")} after IS{(negated ? " NOT" : "")} but found {Describe(Current)}");
                }

                height = Grow(height, 0, token);
                left = new IsNullExpression(left, negated, Span(left.Position));
            }
            else if (IsWord(token, "IN") || IsWord(token, "BETWEEN")
                || (IsWord(token, "NOT") && (IsWord(Peek(1), "IN") || IsWord(Peek(1), "BETWEEN"))))
            {
                var negated = TryAdvanceWord("NOT");
                if (TryAdvanceWord("IN"))
                {
                    left = ParseInList(left, negated, ref height, token);
                }
                else
                {
                    Advance();
                    var low = ParseAdditive();
                    var lowHeight = _height;
                    ExpectWord("AND");
                    var high = ParseAdditive();
                    height = Grow(Math.Max(height, lowHeight), _height, token);
                    left = new BetweenExpression(left, low, high, negated, Span(left.Position));
                }
            }
            else if (IsWord(token, "NOT"))
            {
                throw Error(Peek(1), $"Expected IN or BETWEEN after NOT but found {Describe(Peek(1))}");
            }
            else
            {
                _height = height;
                return left;
            }
        }
    }

    private InExpression ParseInList(SqlExpression value, bool negated, ref int height, SqlToken operatorToken)
    {
        Expect(SqlTokenKind.LeftParen, "'(' after IN");
        if (Current.Kind == SqlTokenKind.RightParen)
        {
            throw Error(Current, "The IN list must not be empty");
        }

        var list = new List<SqlExpression>();
        var itemsHeight = 0;
        do
        {
            list.Add(ParseExpression());
            itemsHeight = Math.Max(itemsHeight, _height);
        }
        while (TryAdvance(SqlTokenKind.Comma));

        Expect(SqlTokenKind.RightParen, "',' or ')' in the IN list");
        height = Grow(height, itemsHeight, operatorToken);
        return new InExpression(value, list, negated, Span(value.Position));
    }

    private SqlExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        var height = _height;
        while (Current.Kind is SqlTokenKind.Plus or SqlTokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            height = Grow(height, _height, op);
            var kind = op.Kind == SqlTokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpression(kind, left, right, Span(left.Position));
        }

        _height = height;
        return left;
    }

    private SqlExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        var height = _height;
        while (Current.Kind is SqlTokenKind.Star or SqlTokenKind.Slash or SqlTokenKind.Percent)
        {
            var op = Advance();
            var right = ParseUnary();
            height = Grow(height, _height, op);
            var kind = op.Kind switch
            {
                SqlTokenKind.Star => BinaryOperator.Multiply,
                SqlTokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinaryExpression(kind, left, right, Span(left.Position));
        }

        _height = height;
        return left;
    }

    private SqlExpression ParseUnary()
    {
        var op = Current;
        if (op.Kind is not (SqlTokenKind.Minus or SqlTokenKind.Plus))
        {
            return ParsePrimary();
        }

        Advance();
        var negate = op.Kind == SqlTokenKind.Minus;
        var number = Current;
        if (number.Kind == SqlTokenKind.Integer)
        {
            // A sign written before a number belongs to the literal, so -9223372036854775808 fits.
            Advance();
            _height = 1;
            return new IntegerLiteral(ParseInteger(number, negate, op), Span(op));
        }

        if (number.Kind == SqlTokenKind.Float)
        {
            Advance();
            _height = 1;
            var value = ParseFloat(number, op);
            return new FloatLiteral(negate ? -value : value, Span(op));
        }

        Enter();
        var operand = ParseUnary();
        _nesting--;
        if (!negate)
        {
            return operand;
        }

        _height = Grow(_height, 0, op);
        return new UnaryExpression(UnaryOperator.Negate, operand, Span(op));
    }

    private SqlExpression ParsePrimary()
    {
        var token = Current;
        _height = 1;
        switch (token.Kind)
        {
            case SqlTokenKind.Integer:
                Advance();
                return new IntegerLiteral(ParseInteger(token, negate: false, token), Span(token));
            case SqlTokenKind.Float:
                Advance();
                return new FloatLiteral(ParseFloat(token, token), Span(token));
            case SqlTokenKind.String:
                Advance();
                return new StringLiteral(token.Text!, Span(token));
            case SqlTokenKind.QuotedIdentifier:
                Advance();
                return new ColumnRef(token.Text!, Quoted: true, Span(token));
            case SqlTokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(SqlTokenKind.RightParen, "')'");
                return inner;
            case SqlTokenKind.Identifier:
                return ParseWord(token);
            default:
                throw Error(token, $"Expected an expression but found {Describe(token)}");
        }
    }

    private SqlExpression ParseWord(SqlToken token)
    {
        var word = token.Text!;
        if (SqlKeywords.IsReserved(word))
        {
            Advance();
            if (word.Equals("TRUE", StringComparison.OrdinalIgnoreCase))
            {
                return new BooleanLiteral(true, Span(token));
            }

            if (word.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
            {
                return new BooleanLiteral(false, Span(token));
            }

            if (word.Equals("NULL", StringComparison.OrdinalIgnoreCase))
            {
                return new NullLiteral(Span(token));
            }

            throw Error(token, $"Expected an expression but found {Describe(token)}");
        }

        var next = Peek(1);
        if (next.Kind == SqlTokenKind.LeftParen)
        {
            return ParseFunctionCall(token);
        }

        Advance();
        if (next.Kind == SqlTokenKind.String)
        {
            if (word.Equals("TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                return new TimestampLiteral(next.Text!, Span(token));
            }

            if (word.Equals("INTERVAL", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                return new IntervalLiteral(next.Text!, Span(token));
            }
        }

        return new ColumnRef(word, Quoted: false, Span(token));
    }

    private FunctionCall ParseFunctionCall(SqlToken nameToken)
    {
        Advance();
        Advance();
        var name = nameToken.Text!.ToLowerInvariant();
        var arguments = new List<SqlExpression>();
        var star = false;
        var distinct = false;
        var argumentsHeight = 0;
        if (Current.Kind == SqlTokenKind.Star)
        {
            if (name != "count")
            {
                throw Error(Current, $"'*' is only allowed as the argument of count(*), not of {name}()");
            }

            star = true;
            Advance();
        }
        else if (Current.Kind != SqlTokenKind.RightParen)
        {
            distinct = TryAdvanceWord("DISTINCT");
            if (distinct && Current.Kind == SqlTokenKind.Star)
            {
                throw Error(Current, $"{name}(DISTINCT *) is not supported; name a column, as in {name}(DISTINCT x)");
            }

            do
            {
                arguments.Add(ParseExpression());
                argumentsHeight = Math.Max(argumentsHeight, _height);
            }
            while (TryAdvance(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightParen, star ? "')' after count(*" : "',' or ')' in the argument list");
        _height = Grow(argumentsHeight, 0, nameToken);
        return new FunctionCall(name, arguments, distinct, star, Span(nameToken));
    }

    private long ParseInteger(SqlToken digits, bool negate, SqlToken start)
    {
        var text = _sql.AsSpan(digits.Offset, digits.Length);
        const ulong MinMagnitude = 9_223_372_036_854_775_808UL;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude))
        {
            if (!negate && magnitude <= long.MaxValue)
            {
                return (long)magnitude;
            }

            if (negate && magnitude < MinMagnitude)
            {
                return -(long)magnitude;
            }

            if (negate && magnitude == MinMagnitude)
            {
                return long.MinValue;
            }
        }

        var shown = negate ? "-" + text.ToString() : text.ToString();
        throw Error(start, $"Integer literal {shown} is out of range for a 64-bit integer ({long.MinValue} to {long.MaxValue})");
    }

    private double ParseFloat(SqlToken number, SqlToken start)
    {
        var text = _sql.AsSpan(number.Offset, number.Length);
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw Error(start, $"Number {text} is out of range for a double");
        }

        return value;
    }

    /// <summary>Counts one level of nesting before a recursive descent and stops hostile depth.</summary>
    private void Enter()
    {
        if (++_nesting > MaxDepth)
        {
            throw Error(Current, $"The expression is nested too deeply (more than {MaxDepth} levels)");
        }
    }

    /// <summary>The height of a node over children of the given heights, checked against <see cref="MaxDepth"/>.</summary>
    private int Grow(int left, int right, SqlToken at)
    {
        var height = Math.Max(left, right) + 1;
        if (height > MaxDepth)
        {
            throw Error(at, $"The expression is nested too deeply (more than {MaxDepth} levels)");
        }

        return height;
    }

    private static BinaryOperator? ComparisonOperator(SqlTokenKind kind) => kind switch
    {
        SqlTokenKind.Equal => BinaryOperator.Equal,
        SqlTokenKind.NotEqual => BinaryOperator.NotEqual,
        SqlTokenKind.Less => BinaryOperator.Less,
        SqlTokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        SqlTokenKind.Greater => BinaryOperator.Greater,
        SqlTokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private SqlToken Peek(int ahead)
    {
        while (_tokens.Count <= _index + ahead)
        {
            if (_tokens.Count > 0 && _tokens[^1].Kind == SqlTokenKind.EndOfInput)
            {
                return _tokens[^1];
            }

            _tokens.Add(_lexer.Next());
        }

        return _tokens[_index + ahead];
    }

    private SqlToken Advance()
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.EndOfInput)
        {
            _index++;
        }

        return token;
    }

    private bool TryAdvance(SqlTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool TryAdvanceWord(string keyword)
    {
        if (!IsWord(Current, keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(SqlTokenKind kind, string expected)
    {
        if (!TryAdvance(kind))
        {
            throw Error(Current, $"Expected {expected} but found {Describe(Current)}");
        }
    }

    private void ExpectWord(string keyword)
    {
        if (!TryAdvanceWord(keyword))
        {
            throw Error(Current, $"Expected {keyword} but found {Describe(Current)}");
        }
    }

    private static bool IsWord(SqlToken token, string keyword) =>
        token.Kind == SqlTokenKind.Identifier && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a token that can name a table, column or alias: a quoted name or an unreserved word.</summary>
    private static bool IsName(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier
        || (token.Kind == SqlTokenKind.Identifier && !SqlKeywords.IsReserved(token.Text));

    /// <summary>The position from <paramref name="start"/> to the end of the last token consumed.</summary>
    private SourcePosition Span(SqlToken start) => new(start.Line, start.Column, start.Offset, LastEnd() - start.Offset);

    private SourcePosition Span(SourcePosition start) => start with { Length = LastEnd() - start.Offset };

    private int LastEnd() => _index == 0 ? 0 : _tokens[_index - 1].End;

    private string Describe(SqlToken token)
    {
        if (token.Kind == SqlTokenKind.EndOfInput)
        {
            return "the end of input";
        }

        const int MaxShown = 40;
        var text = token.Length <= MaxShown
            ? _sql.Substring(token.Offset, token.Length)
            : string.Concat(_sql.AsSpan(token.Offset, MaxShown), "...");
        return token.Kind == SqlTokenKind.String ? "the string " + text : "'" + text + "'";
    }

    private QuerySyntaxException Error(SqlToken token, string problem) => new(problem, _sql, token.Line, token.Column);
}
