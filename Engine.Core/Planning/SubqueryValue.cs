using Engine.Core.Columns;

namespace Engine.Core.Planning;

/// <summary>
/// What an uncorrelated subquery of a query came to, computed before the query is bound so the binder can
/// plan it in as a constant (and pruning can use it).
/// </summary>
internal abstract record SubqueryValue;

/// <summary>A scalar subquery's value (NULL when it returned no row) and its type.</summary>
internal sealed record ScalarSubqueryValue(ScalarValue Value) : SubqueryValue;

/// <summary>The distinct values of an <c>IN (SELECT …)</c> subquery's one column, and its type.</summary>
internal sealed record ListSubqueryValue(DataType Type, IReadOnlyList<ScalarValue> Values) : SubqueryValue;

/// <summary>Whether an EXISTS subquery returned a row.</summary>
internal sealed record ExistsSubqueryValue(bool Exists) : SubqueryValue;
