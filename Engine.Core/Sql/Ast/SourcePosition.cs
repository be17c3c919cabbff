namespace Engine.Core.Sql.Ast;

/// <summary>
/// Where a syntax node came from in the SQL text, so the binder and the executor can point at it with a
/// caret (<see cref="Errors.QueryBindException"/>). Nodes built in code rather than parsed use
/// <see cref="None"/>.
/// </summary>
/// <param name="Line">The 1-based line of the node's first token.</param>
/// <param name="Column">The 1-based column of the node's first token.</param>
/// <param name="Offset">The 0-based character offset of the node's first token.</param>
/// <param name="Length">How many characters the node spans, from its first token to the end of its last.</param>
public readonly record struct SourcePosition(int Line, int Column, int Offset, int Length)
{
    /// <summary>The position of a node that was not parsed from text (line and column 0).</summary>
    public static SourcePosition None => default;
}
