namespace Engine.Core.Sql.Ast;

/// <summary>One <c>WHEN when THEN then</c> of a <see cref="CaseExpression"/>.</summary>
/// <param name="When">The condition (searched CASE) or the value compared with the operand (simple CASE).</param>
/// <param name="Then">The result when it matches.</param>
public sealed record CaseBranch(SqlExpression When, SqlExpression Then);
