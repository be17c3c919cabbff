using System.Text;

namespace Engine.Core.Errors;

/// <summary>Formats "problem at line L, column C" followed by the offending line and a caret under it.</summary>
internal static class QueryErrorFormatter
{
    public static string Format(string kind, string problem, string sql, int line, int column)
    {
        var lines = sql.Split('\n');
        var text = line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : string.Empty;
        var builder = new StringBuilder();
        builder.Append(kind).Append(": ").Append(problem)
            .Append(" (line ").Append(line).Append(", column ").Append(column).Append(')').Append('\n');
        builder.Append("  ").Append(text).Append('\n');
        builder.Append("  ").Append(' ', Math.Max(0, column - 1)).Append('^');
        return builder.ToString();
    }
}
