namespace Engine.Core.Expressions;

/// <summary>One <c>WHEN condition THEN result</c> of a <see cref="CaseExpression"/>.</summary>
/// <param name="When">The BOOLEAN condition.</param>
/// <param name="Then">The result for the rows where it is true.</param>
public sealed record CaseWhen(BoundExpression When, BoundExpression Then);
