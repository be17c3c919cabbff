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

        RejectStatementsOtherThanQueries();
        var query = ParseQuery();
        var position = Span(start);
        if (Current.Kind == SqlTokenKind.Semicolon)
        {
            Advance();
        }

        if (Current.Kind != SqlTokenKind.EndOfInput)
        {
            throw Error(Current, $"Expected the end of the statement but found {Describe(Current)}");
        }

        return new SqlStatement(query, explain, analyze, position);
    }

    // Statements that are valid SQL elsewhere but not queries: say so instead of "expected SELECT".
    private void RejectStatementsOtherThanQueries()
    {
        var token = Current;
        string[] statements = ["INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "COPY", "PRAGMA", "SET", "ATTACH", "INSTALL", "LOAD", "DESCRIBE", "SHOW", "PIVOT", "UNPIVOT", "VALUES", "FROM"];
        foreach (var statement in statements)
        {
            if (IsWord(token, statement))
            {
                throw Unsupported(token, $"{statement.ToUpperInvariant()} statements are not supported; Engine answers queries (SELECT, WITH)");
            }
        }
    }

    /// <summary><c>[WITH ctes] set_expression [ORDER BY …] [LIMIT …] [OFFSET …]</c>.</summary>
    private QueryExpression ParseQuery()
    {
        Enter();
        var start = Current;
        QueryExpression query;
        if (TryAdvanceWord("WITH"))
        {
            if (IsWord(Current, "RECURSIVE"))
            {
                throw Unsupported(Current, "WITH RECURSIVE is not supported yet");
            }

            var ctes = new List<CommonTableExpression> { ParseCommonTableExpression() };
            while (TryAdvance(SqlTokenKind.Comma))
            {
                ctes.Add(ParseCommonTableExpression());
            }

            RejectStatementsOtherThanQueries();
            query = new WithQuery(ctes, ParseQuery(), Span(start));
        }
        else
        {
            var (body, parenthesized) = ParseUnion();
            var orderBy = ParseOrderBy();
            var limit = ParseLimitAndOffset();
            query = orderBy.Count == 0 && limit is null
                ? body
                : body switch
                {
                    SelectStatement select when !parenthesized => select with { OrderBy = orderBy, Limit = limit, Position = Span(select.Position) },
                    SetOperationQuery set when !parenthesized => set with { OrderBy = orderBy, Limit = limit, Position = Span(set.Position) },
                    _ => new SelectStatement([new SelectItem(null, null, IsStar: true, body.Position)], new SubqueryRef(body, null, body.Position), null, [], null,
                        orderBy, limit, Span(start)),
                };
        }

        _nesting--;
        return query;
    }

    private CommonTableExpression ParseCommonTableExpression()
    {
        var name = Current;
        if (!IsName(name))
        {
            throw Error(name, $"Expected the name of a common table expression after WITH but found {Describe(name)}");
        }

        Advance();
        if (Current.Kind == SqlTokenKind.LeftParen)
        {
            throw Unsupported(Current, "column names after a WITH name (name(a, b) AS …) are not supported yet; name the columns in the query");
        }

        ExpectWord("AS");
        if (IsWord(Current, "MATERIALIZED") || (IsWord(Current, "NOT") && IsWord(Peek(1), "MATERIALIZED")))
        {
            TryAdvanceWord("NOT");
            Advance();
        }

        Expect(SqlTokenKind.LeftParen, $"'(' and the query of {name.Text}");
        var query = ParseQuery();
        Expect(SqlTokenKind.RightParen, $"')' after the query of {name.Text}");
        return new CommonTableExpression(name.Text!, query, Span(name));
    }

    // UNION and EXCEPT, left to right, over INTERSECT terms (INTERSECT binds tighter, as in the SQL standard).
    private (QueryExpression Query, bool Parenthesized) ParseUnion()
    {
        var (left, parenthesized) = ParseIntersect();
        while (IsWord(Current, "UNION") || IsWord(Current, "EXCEPT"))
        {
            var op = IsWord(Current, "UNION") ? SetOperator.Union : SetOperator.Except;
            var all = ParseSetQuantifier();
            var (right, _) = ParseIntersect();
            left = new SetOperationQuery(op, all, left, right, [], null, Span(left.Position));
            parenthesized = false;
        }

        return (left, parenthesized);
    }

    private (QueryExpression Query, bool Parenthesized) ParseIntersect()
    {
        var (left, parenthesized) = ParseQueryTerm();
        while (IsWord(Current, "INTERSECT"))
        {
            var all = ParseSetQuantifier();
            var (right, _) = ParseQueryTerm();
            left = new SetOperationQuery(SetOperator.Intersect, all, left, right, [], null, Span(left.Position));
            parenthesized = false;
        }

        return (left, parenthesized);
    }

    private bool ParseSetQuantifier()
    {
        var op = Advance();
        if (IsWord(Current, "BY") && IsWord(Peek(1), "NAME"))
        {
            throw Unsupported(op, $"{op.Text!.ToUpperInvariant()} BY NAME is not supported yet");
        }

        var all = TryAdvanceWord("ALL");
        if (!all)
        {
            TryAdvanceWord("DISTINCT");
        }

        return all;
    }

    private (QueryExpression Query, bool Parenthesized) ParseQueryTerm()
    {
        if (Current.Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            var inner = ParseQuery();
            Expect(SqlTokenKind.RightParen, "')' after the query");
            return (inner, true);
        }

        RejectStatementsOtherThanQueries();
        return (ParseSelect(), false);
    }

    private SelectStatement ParseSelect()
    {
        var start = Current;
        ExpectWord("SELECT");
        var distinct = false;
        if (TryAdvanceWord("DISTINCT"))
        {
            if (IsWord(Current, "ON"))
            {
                throw Unsupported(Current, "SELECT DISTINCT ON is not supported yet");
            }

            distinct = true;
        }
        else
        {
            TryAdvanceWord("ALL");
        }

        var items = new List<SelectItem> { ParseSelectItem() };
        while (TryAdvance(SqlTokenKind.Comma))
        {
            items.Add(ParseSelectItem());
        }

        FromItem? from = null;
        if (TryAdvanceWord("FROM"))
        {
            from = ParseFromItem();
            RejectJoins();
        }

        SqlExpression? where = null;
        if (TryAdvanceWord("WHERE"))
        {
            where = ParseExpression();
        }

        var groupBy = new List<SqlExpression>();
        var groupByAll = false;
        if (TryAdvanceWord("GROUP"))
        {
            ExpectWord("BY");
            if (TryAdvanceWord("ALL"))
            {
                groupByAll = true;
            }
            else
            {
                RejectGroupingSets();
                groupBy.Add(ParseExpression());
                while (TryAdvance(SqlTokenKind.Comma))
                {
                    groupBy.Add(ParseExpression());
                }
            }
        }

        SqlExpression? having = null;
        if (TryAdvanceWord("HAVING"))
        {
            having = ParseExpression();
        }

        if (IsWord(Current, "WINDOW"))
        {
            throw Unsupported(Current, "WINDOW clauses (and window functions) are not supported yet");
        }

        if (IsWord(Current, "QUALIFY"))
        {
            throw Unsupported(Current, "QUALIFY (and window functions) is not supported yet");
        }

        return new SelectStatement(items, from, where, groupBy, having, [], null, Span(start), distinct, groupByAll);
    }

    private void RejectGroupingSets()
    {
        foreach (var word in new[] { "ROLLUP", "CUBE", "GROUPING" })
        {
            if (IsWord(Current, word) && (Peek(1).Kind == SqlTokenKind.LeftParen || IsWord(Peek(1), "SETS")))
            {
                throw Unsupported(Current, $"GROUP BY {word.ToUpperInvariant()} is not supported yet");
            }
        }
    }

    // FROM holds one table; anything that would combine two is a join, which a later version adds.
    private void RejectJoins()
    {
        var token = Current;
        if (token.Kind == SqlTokenKind.Comma)
        {
            throw Unsupported(token, "JOIN is not supported yet (FROM a, b is a cross join)");
        }

        if (IsJoinWord(token))
        {
            var kind = IsWord(token, "JOIN") ? "JOIN" : $"{token.Text!.ToUpperInvariant()} JOIN";
            throw Unsupported(token, $"{kind} is not supported yet");
        }
    }

    private static bool IsJoinWord(SqlToken token)
    {
        foreach (var word in s_joinWords)
        {
            if (IsWord(token, word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_joinWords = ["JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ASOF", "POSITIONAL", "ANTI", "SEMI", "OUTER"];

    private SelectItem ParseSelectItem()
    {
        var start = Current;
        if (TryAdvance(SqlTokenKind.Star))
        {
            RejectStarModifiers();
            return new SelectItem(null, null, IsStar: true, Span(start));
        }

        if (IsName(start) && Peek(1).Kind == SqlTokenKind.Dot && Peek(2).Kind == SqlTokenKind.Star)
        {
            Advance();
            Advance();
            Advance();
            RejectStarModifiers();
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
        else if (IsName(Current) && !IsJoinWord(Current))
        {
            alias = Advance().Text;
        }

        return new SelectItem(expression, alias, IsStar: false, Span(start));
    }

    private void RejectStarModifiers()
    {
        foreach (var word in new[] { "EXCLUDE", "REPLACE", "RENAME" })
        {
            if (IsWord(Current, word) && Peek(1).Kind == SqlTokenKind.LeftParen)
            {
                throw Unsupported(Current, $"* {word.ToUpperInvariant()} (…) is not supported yet");
            }
        }
    }

    private FromItem ParseFromItem()
    {
        var token = Current;
        FromItem item;
        if (token.Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            if (!IsWord(Current, "SELECT") && !IsWord(Current, "WITH") && Current.Kind != SqlTokenKind.LeftParen)
            {
                throw Error(Current, $"Expected a query in parentheses after FROM but found {Describe(Current)}");
            }

            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen, "')' after the subquery");
            item = new SubqueryRef(query, null, Span(token));
        }
        else if (IsName(token))
        {
            Advance();
            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                throw Unsupported(token, $"table function {token.Text}() is not supported; query a Parquet file or folder with FROM 'path'");
            }

            if (Current.Kind == SqlTokenKind.Dot)
            {
                throw Unsupported(Current, "schema-qualified table names are not supported; name the table alone");
            }

            item = new TableRef(token.Text!, IsPath: false, Span(token));
        }
        else if (token.Kind == SqlTokenKind.String)
        {
            Advance();
            item = new TableRef(token.Text!, IsPath: true, Span(token));
        }
        else
        {
            throw Error(token, $"Expected a table name, a quoted path or a subquery after FROM but found {Describe(token)}");
        }

        string? alias = null;
        if (TryAdvanceWord("AS"))
        {
            if (!IsName(Current))
            {
                throw Error(Current, $"Expected an alias after AS but found {Describe(Current)}");
            }

            alias = Advance().Text;
        }
        else if (IsName(Current) && !IsJoinWord(Current) && !IsWord(Current, "TABLESAMPLE") && !IsWord(Current, "USING"))
        {
            alias = Advance().Text;
        }

        if (Current.Kind == SqlTokenKind.LeftParen && alias is not null)
        {
            throw Unsupported(Current, "column aliases after a table alias (AS t(a, b)) are not supported yet");
        }

        if (IsWord(Current, "TABLESAMPLE") || (IsWord(Current, "USING") && IsWord(Peek(1), "SAMPLE")))
        {
            throw Unsupported(Current, "sampling is not supported yet");
        }

        return alias is null ? item : item switch
        {
            TableRef table => table with { Alias = alias },
            SubqueryRef subquery => subquery with { Alias = alias },
            _ => item,
        };
    }

    private List<OrderItem> ParseOrderBy()
    {
        var orderBy = new List<OrderItem>();
        if (TryAdvanceWord("ORDER"))
        {
            ExpectWord("BY");
            if (IsWord(Current, "ALL"))
            {
                throw Unsupported(Current, "ORDER BY ALL is not supported yet");
            }

            orderBy.Add(ParseOrderItem());
            while (TryAdvance(SqlTokenKind.Comma))
            {
                orderBy.Add(ParseOrderItem());
            }
        }

        return orderBy;
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

    // LIMIT n and OFFSET m in either order, each at most once; LIMIT ALL is no limit.
    private LimitClause? ParseLimitAndOffset()
    {
        var start = Current;
        long? count = null;
        long offset = 0;
        var sawLimit = false;
        var sawOffset = false;
        while (true)
        {
            if (!sawLimit && IsWord(Current, "LIMIT"))
            {
                sawLimit = true;
                Advance();
                if (!TryAdvanceWord("ALL"))
                {
                    count = ParseNonNegative("LIMIT");
                    if (Current.Kind == SqlTokenKind.Percent)
                    {
                        throw Unsupported(Current, "LIMIT with a percentage is not supported yet");
                    }
                }
            }
            else if (!sawOffset && IsWord(Current, "OFFSET"))
            {
                sawOffset = true;
                Advance();
                offset = ParseNonNegative("OFFSET");
                TryAdvanceWord("ROWS");
                TryAdvanceWord("ROW");
            }
            else
            {
                break;
            }
        }

        return sawLimit || sawOffset ? new LimitClause(count, Span(start), offset) : null;
    }

    private long ParseNonNegative(string clause)
    {
        var number = Current;
        if (number.Kind != SqlTokenKind.Integer)
        {
            var problem = $"{clause} must be a non-negative integer";
            throw Error(number, number.Kind == SqlTokenKind.EndOfInput ? problem + " but found the end of input" : problem);
        }

        Advance();
        return ParseInteger(number, negate: false, number);
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
        var left = ParseConcat();
        var height = _height;
        while (true)
        {
            var token = Current;
            if (ComparisonOperator(token.Kind) is BinaryOperator op)
            {
                Advance();
                if (IsWord(Current, "ANY") || IsWord(Current, "ALL") || IsWord(Current, "SOME"))
                {
                    throw Unsupported(Current, $"{Current.Text!.ToUpperInvariant()} (subquery) comparisons are not supported yet");
                }

                var right = ParseConcat();
                height = Grow(height, _height, token);
                left = new BinaryExpression(op, left, right, Span(left.Position));
            }
            else if (IsWord(token, "IS"))
            {
                Advance();
                var negated = TryAdvanceWord("NOT");
                if (TryAdvanceWord("NULL"))
                {
                    left = new IsNullExpression(left, negated, Span(left.Position));
                }
                else if (TryAdvanceWord("DISTINCT"))
                {
                    ExpectWord("FROM");
                    var right = ParseConcat();
                    left = new IsDistinctFromExpression(left, right, negated, Span(left.Position));
                }
                else if (IsWord(Current, "TRUE") || IsWord(Current, "FALSE"))
                {
                    // x IS [NOT] TRUE is x IS [NOT] NOT DISTINCT FROM TRUE: never NULL.
                    var literal = Advance();
                    var value = new BooleanLiteral(IsWord(literal, "TRUE"), Span(literal));
                    left = new IsDistinctFromExpression(left, value, !negated, Span(left.Position));
                }
                else
                {
                    throw Error(Current, $"Expected NULL, DISTINCT FROM, TRUE or FALSE after IS{(negated ? " NOT" : "")} but found {Describe(Current)}");
                }

                height = Grow(height, _height, token);
            }
            else if (IsWord(token, "IN") || IsWord(token, "BETWEEN") || IsLikeWord(token)
                || (IsWord(token, "NOT") && (IsWord(Peek(1), "IN") || IsWord(Peek(1), "BETWEEN") || IsLikeWord(Peek(1)))))
            {
                var negated = TryAdvanceWord("NOT");
                if (TryAdvanceWord("IN"))
                {
                    left = ParseInList(left, negated, ref height, token);
                }
                else if (IsLikeWord(Current))
                {
                    left = ParseLike(left, negated, ref height, token);
                }
                else
                {
                    Advance();
                    if (IsWord(Current, "SYMMETRIC") || IsWord(Current, "ASYMMETRIC"))
                    {
                        throw Unsupported(Current, $"BETWEEN {Current.Text!.ToUpperInvariant()} is not supported yet");
                    }

                    var low = ParseConcat();
                    var lowHeight = _height;
                    ExpectWord("AND");
                    var high = ParseConcat();
                    height = Grow(Math.Max(height, lowHeight), _height, token);
                    left = new BetweenExpression(left, low, high, negated, Span(left.Position));
                }
            }
            else if (IsWord(token, "NOT"))
            {
                throw Error(Peek(1), $"Expected IN, BETWEEN, LIKE or ILIKE after NOT but found {Describe(Peek(1))}");
            }
            else if (IsWord(token, "SIMILAR") || IsWord(token, "GLOB"))
            {
                throw Unsupported(token, $"{token.Text!.ToUpperInvariant()} is not supported yet; use LIKE or regexp_matches");
            }
            else
            {
                _height = height;
                return left;
            }
        }
    }

    private static bool IsLikeWord(SqlToken token) => IsWord(token, "LIKE") || IsWord(token, "ILIKE");

    private LikeExpression ParseLike(SqlExpression value, bool negated, ref int height, SqlToken operatorToken)
    {
        var caseInsensitive = IsWord(Advance(), "ILIKE");
        if (IsWord(Current, "ANY") || IsWord(Current, "ALL"))
        {
            throw Unsupported(Current, $"LIKE {Current.Text!.ToUpperInvariant()} (…) is not supported yet");
        }

        var pattern = ParseConcat();
        var patternHeight = _height;
        SqlExpression? escape = null;
        if (TryAdvanceWord("ESCAPE"))
        {
            escape = ParseConcat();
        }

        height = Grow(Math.Max(height, patternHeight), _height, operatorToken);
        return new LikeExpression(value, pattern, escape, caseInsensitive, negated, Span(value.Position));
    }

    private SqlExpression ParseInList(SqlExpression value, bool negated, ref int height, SqlToken operatorToken)
    {
        Expect(SqlTokenKind.LeftParen, "'(' after IN");
        if (Current.Kind == SqlTokenKind.RightParen)
        {
            throw Error(Current, "The IN list must not be empty");
        }

        if (IsWord(Current, "SELECT") || IsWord(Current, "WITH"))
        {
            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen, "')' after the subquery");
            height = Grow(height, 0, operatorToken);
            return new InSubqueryExpression(value, query, negated, Span(value.Position));
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

    // a || b: binds tighter than comparisons and LIKE, looser than + and -, as in PostgreSQL and DuckDB.
    private SqlExpression ParseConcat()
    {
        var left = ParseAdditive();
        var height = _height;
        while (Current.Kind == SqlTokenKind.Concat)
        {
            var op = Advance();
            var right = ParseAdditive();
            height = Grow(height, _height, op);
            left = new BinaryExpression(BinaryOperator.Concat, left, right, Span(left.Position));
        }

        _height = height;
        return left;
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
            return ParseCastSuffix(ParsePrimary());
        }

        Advance();
        var negate = op.Kind == SqlTokenKind.Minus;
        var number = Current;
        if (number.Kind == SqlTokenKind.Integer)
        {
            // A sign written before a number belongs to the literal, so -9223372036854775808 fits.
            Advance();
            _height = 1;
            return ParseCastSuffix(new IntegerLiteral(ParseInteger(number, negate, op), Span(op)));
        }

        if (number.Kind == SqlTokenKind.Float)
        {
            Advance();
            _height = 1;
            var value = ParseFloat(number, op);
            return ParseCastSuffix(new FloatLiteral(negate ? -value : value, Span(op)));
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

    // x::type, repeatable (x::VARCHAR::BIGINT); binds tighter than any operator.
    private SqlExpression ParseCastSuffix(SqlExpression operand)
    {
        while (Current.Kind == SqlTokenKind.DoubleColon)
        {
            var op = Advance();
            var type = ParseTypeName();
            _height = Grow(_height, 0, op);
            operand = new CastExpression(operand, type, Try: false, Span(operand.Position));
        }

        if (Current.Kind == SqlTokenKind.LeftBracket)
        {
            throw Unsupported(Current, "subscripts and slices (x[i]) are not supported yet");
        }

        return operand;
    }

    private SqlTypeName ParseTypeName()
    {
        var start = Current;
        if (start.Kind != SqlTokenKind.Identifier)
        {
            throw Error(start, $"Expected a type name but found {Describe(start)}");
        }

        Advance();
        var name = start.Text!.ToUpperInvariant();
        if (name == "DOUBLE" && TryAdvanceWord("PRECISION"))
        {
            name = "DOUBLE PRECISION";
        }
        else if (name is "CHARACTER" or "CHAR" && TryAdvanceWord("VARYING"))
        {
            name = "VARCHAR";
        }
        else if (name is "TIMESTAMP" or "TIME" && IsWord(Current, "WITH") && IsWord(Peek(1), "TIME") && IsWord(Peek(2), "ZONE"))
        {
            Advance();
            Advance();
            Advance();
            name += " WITH TIME ZONE";
        }

        var parameters = new List<int>();
        if (TryAdvance(SqlTokenKind.LeftParen))
        {
            do
            {
                var number = Current;
                if (number.Kind != SqlTokenKind.Integer)
                {
                    throw Error(number, $"Expected a number in the parameters of {name} but found {Describe(number)}");
                }

                Advance();
                var value = ParseInteger(number, negate: false, number);
                parameters.Add(value <= int.MaxValue ? (int)value : throw Error(number, $"The parameter {value} of {name} is too large"));
            }
            while (TryAdvance(SqlTokenKind.Comma));

            Expect(SqlTokenKind.RightParen, $"')' after the parameters of {name}");
        }

        if (Current.Kind == SqlTokenKind.LeftBracket)
        {
            throw Unsupported(Current, $"list types ({name}[]) are not supported yet");
        }

        return new SqlTypeName(name, parameters, Span(start));
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
                return ParseColumn(token);
            case SqlTokenKind.LeftParen:
                return ParseParenthesized(token);
            case SqlTokenKind.LeftBracket:
                throw Unsupported(token, "list literals ([1, 2, 3]) are not supported yet");
            case SqlTokenKind.Identifier:
                return ParseWord(token);
            default:
                throw Error(token, $"Expected an expression but found {Describe(token)}");
        }
    }

    private SqlExpression ParseParenthesized(SqlToken open)
    {
        Advance();
        if (IsWord(Current, "SELECT") || IsWord(Current, "WITH"))
        {
            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen, "')' after the subquery");
            _height = 1;
            return new SubqueryExpression(query, Span(open));
        }

        var inner = ParseExpression();
        if (Current.Kind == SqlTokenKind.Comma)
        {
            throw Unsupported(Current, "row values ((a, b)) are not supported yet");
        }

        Expect(SqlTokenKind.RightParen, "')'");
        return inner;
    }

    private SqlExpression ParseWord(SqlToken token)
    {
        var word = token.Text!;
        var next = Peek(1);
        if (SqlKeywords.IsReserved(word))
        {
            if (word.Equals("TRUE", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                return new BooleanLiteral(true, Span(token));
            }

            if (word.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                return new BooleanLiteral(false, Span(token));
            }

            if (word.Equals("NULL", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                return new NullLiteral(Span(token));
            }

            if (word.Equals("CASE", StringComparison.OrdinalIgnoreCase))
            {
                return ParseCase(token);
            }

            if (word.Equals("CAST", StringComparison.OrdinalIgnoreCase) && next.Kind == SqlTokenKind.LeftParen)
            {
                return ParseCast(token, isTry: false);
            }

            if (word.Equals("EXISTS", StringComparison.OrdinalIgnoreCase) && next.Kind == SqlTokenKind.LeftParen)
            {
                Advance();
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen, "')' after the EXISTS subquery");
                _height = 1;
                return new ExistsExpression(query, Negated: false, Span(token));
            }

            throw Error(token, $"Expected an expression but found {Describe(token)}");
        }

        if (next.Kind == SqlTokenKind.LeftParen)
        {
            if (word.Equals("TRY_CAST", StringComparison.OrdinalIgnoreCase))
            {
                return ParseCast(token, isTry: true);
            }

            if (word.Equals("EXTRACT", StringComparison.OrdinalIgnoreCase) && IsExtractSyntax())
            {
                return ParseExtract(token);
            }

            return ParseFunctionCall(token);
        }

        if (next.Kind == SqlTokenKind.String)
        {
            if (word.Equals("TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                Advance();
                return new TimestampLiteral(next.Text!, Span(token));
            }

            if (word.Equals("INTERVAL", StringComparison.OrdinalIgnoreCase))
            {
                Advance();
                Advance();
                return new IntervalLiteral(ParseIntervalUnit(next.Text!), Span(token));
            }

            foreach (var typed in s_typedLiterals)
            {
                if (word.Equals(typed, StringComparison.OrdinalIgnoreCase))
                {
                    // DATE '2024-01-01' and the like: a cast of the text, which the binder types.
                    Advance();
                    Advance();
                    var literal = new StringLiteral(next.Text!, Span(next));
                    return new CastExpression(literal, new SqlTypeName(typed, [], Span(token)), Try: false, Span(token));
                }
            }
        }

        if (word.Equals("INTERVAL", StringComparison.OrdinalIgnoreCase) && next.Kind is SqlTokenKind.Integer or SqlTokenKind.Float)
        {
            // INTERVAL 5 MINUTE
            Advance();
            Advance();
            var amount = _sql.Substring(next.Offset, next.Length);
            return new IntervalLiteral(ParseIntervalUnit(amount), Span(token));
        }

        foreach (var niladic in s_niladicFunctions)
        {
            if (word.Equals(niladic, StringComparison.OrdinalIgnoreCase) && next.Kind != SqlTokenKind.Dot)
            {
                Advance();
                return new FunctionCall(niladic.ToLowerInvariant(), [], Distinct: false, Star: false, Span(token));
            }
        }

        return ParseColumn(token);
    }

    private static readonly string[] s_typedLiterals = ["DATE", "TIME", "TIMESTAMPTZ"];

    private static readonly string[] s_niladicFunctions = ["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP"];

    // An interval literal may name its unit after the quoted amount: INTERVAL '5' MINUTE is INTERVAL '5 minute'.
    private string ParseIntervalUnit(string amount)
    {
        if (Current.Kind == SqlTokenKind.Identifier && !SqlKeywords.IsReserved(Current.Text) && s_intervalUnits.Contains(Current.Text!))
        {
            var unit = Advance().Text!;
            if (IsWord(Current, "TO"))
            {
                throw Unsupported(Current, "interval ranges (INTERVAL '…' DAY TO SECOND) are not supported yet");
            }

            return amount + " " + unit;
        }

        return amount;
    }

    private static readonly HashSet<string> s_intervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "MICROSECOND", "MICROSECONDS", "MILLISECOND", "MILLISECONDS", "SECOND", "SECONDS", "MINUTE", "MINUTES", "HOUR", "HOURS",
        "DAY", "DAYS", "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR", "YEARS",
    };

    private ColumnRef ParseColumn(SqlToken first)
    {
        Advance();
        var quoted = first.Kind == SqlTokenKind.QuotedIdentifier;
        if (Current.Kind != SqlTokenKind.Dot)
        {
            return new ColumnRef(first.Text!, quoted, Span(first));
        }

        Advance();
        var name = Current;
        if (name.Kind == SqlTokenKind.Star)
        {
            throw Error(name, $"{first.Text}.* is only allowed as an item of the select list");
        }

        if (!IsName(name) && !(name.Kind == SqlTokenKind.Identifier))
        {
            throw Error(name, $"Expected a column name after '{first.Text}.' but found {Describe(name)}");
        }

        Advance();
        if (Current.Kind == SqlTokenKind.Dot)
        {
            throw Unsupported(Current, "names with more than one qualifier (a.b.c) are not supported");
        }

        if (Current.Kind == SqlTokenKind.LeftParen)
        {
            throw Unsupported(name, $"method-style calls ({first.Text}.{name.Text}()) are not supported; write {name.Text}({first.Text})");
        }

        return new ColumnRef(name.Text!, name.Kind == SqlTokenKind.QuotedIdentifier, Span(first), first.Text);
    }

    private CaseExpression ParseCase(SqlToken start)
    {
        Advance();
        Enter();
        SqlExpression? operand = null;
        if (!IsWord(Current, "WHEN"))
        {
            operand = ParseExpression();
        }

        var height = _height;
        var branches = new List<CaseBranch>();
        while (TryAdvanceWord("WHEN"))
        {
            var when = ParseExpression();
            height = Math.Max(height, _height);
            ExpectWord("THEN");
            var then = ParseExpression();
            height = Math.Max(height, _height);
            branches.Add(new CaseBranch(when, then));
        }

        if (branches.Count == 0)
        {
            throw Error(Current, $"Expected WHEN in CASE but found {Describe(Current)}");
        }

        SqlExpression? otherwise = null;
        if (TryAdvanceWord("ELSE"))
        {
            otherwise = ParseExpression();
            height = Math.Max(height, _height);
        }

        ExpectWord("END");
        _nesting--;
        _height = Grow(height, 0, start);
        return new CaseExpression(operand, branches, otherwise, Span(start));
    }

    private CastExpression ParseCast(SqlToken start, bool isTry)
    {
        Advance();
        Advance();
        var operand = ParseExpression();
        var height = _height;
        ExpectWord("AS");
        var type = ParseTypeName();
        Expect(SqlTokenKind.RightParen, $"')' after the type of {(isTry ? "TRY_CAST" : "CAST")}");
        _height = Grow(height, 0, start);
        return new CastExpression(operand, type, isTry, Span(start));
    }

    // extract(field FROM x), not extract('field', x) which is an ordinary call.
    private bool IsExtractSyntax() => Peek(2).Kind == SqlTokenKind.Identifier && IsWord(Peek(3), "FROM");

    private FunctionCall ParseExtract(SqlToken start)
    {
        Advance();
        Advance();
        var field = Advance();
        ExpectWord("FROM");
        var source = ParseExpression();
        var height = _height;
        Expect(SqlTokenKind.RightParen, "')' after extract(field FROM …)");
        _height = Grow(height, 0, start);
        return new FunctionCall("date_part", [new StringLiteral(field.Text!.ToLowerInvariant(), Span(field)), source], Distinct: false, Star: false, Span(start));
    }

    private FunctionCall ParseFunctionCall(SqlToken nameToken)
    {
        Advance();
        Advance();
        var name = nameToken.Text!.ToLowerInvariant();
        if (name == "position")
        {
            throw Unsupported(nameToken, "position(search IN text) is not supported yet; use strpos(text, search)");
        }

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
            if (!distinct)
            {
                TryAdvanceWord("ALL");
            }

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

            if (IsWord(Current, "ORDER"))
            {
                throw Unsupported(Current, $"ORDER BY inside {name}(…) is not supported yet");
            }
        }

        Expect(SqlTokenKind.RightParen, star ? "')' after count(*" : "',' or ')' in the argument list");
        if (IsWord(Current, "WITHIN") && IsWord(Peek(1), "GROUP"))
        {
            throw Unsupported(Current, $"{name}(…) WITHIN GROUP (ORDER BY …) is not supported yet; write {(name.EndsWith("_disc", StringComparison.Ordinal) ? "quantile_disc" : "quantile_cont")}(x, fraction)");
        }

        SqlExpression? filter = null;
        if (IsWord(Current, "FILTER") && Peek(1).Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            Advance();
            TryAdvanceWord("WHERE");
            filter = ParseExpression();
            argumentsHeight = Math.Max(argumentsHeight, _height);
            Expect(SqlTokenKind.RightParen, "')' after the FILTER condition");
        }

        if (IsWord(Current, "OVER") || (IsWord(Current, "IGNORE") && IsWord(Peek(1), "NULLS")) || (IsWord(Current, "RESPECT") && IsWord(Peek(1), "NULLS")))
        {
            throw Unsupported(Current, $"window functions ({name}(…) OVER …) are not supported yet");
        }

        _height = Grow(argumentsHeight, 0, nameToken);
        return new FunctionCall(name, arguments, distinct, star, Span(nameToken), filter);
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

    private UnsupportedFeatureException Unsupported(SqlToken token, string problem) => new(problem, _sql, token.Line, token.Column);
}
