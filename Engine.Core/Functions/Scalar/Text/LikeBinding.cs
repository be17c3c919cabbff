using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// The binding LIKE, ILIKE and their ESCAPE forms share: a constant pattern (and escape) compiles once at
/// bind, and a bad one is a bind error at the pattern; a pattern that varies by row compiles per value
/// (once per dictionary entry when only the pattern varies). Non-constant escapes are compiled per row too.
/// </summary>
internal static class LikeBinding
{
    /// <summary>The kernel of <c>value [I]LIKE pattern [ESCAPE escape]</c>.</summary>
    public static ScalarKernel Bind(ScalarBindContext context, bool caseInsensitive, bool escaped)
    {
        var count = escaped ? 3 : 2;
        TextBinding.Require(context, count, "BOOLEAN", escaped ? [DataType.String, DataType.String, DataType.String] : [DataType.String, DataType.String]);
        if (context.TryGetConstant(1, out var pattern) && !pattern.IsNull)
        {
            string? escape = null;
            if (escaped && !(context.TryGetConstant(2, out var constant) && TryEscape(constant, out escape)))
            {
                return PerRow(context, caseInsensitive, escaped);
            }

            LikePattern compiled;
            try
            {
                compiled = LikePattern.Compile(pattern.StringValue, escape, caseInsensitive);
            }
            catch (ArgumentException problem)
            {
                throw context.Error(escape is { Length: > 1 } ? 2 : 1, problem.Message);
            }

            return new TextKernel(DataType.Bool, context, a => ScalarValue.FromBool(compiled.IsMatch(a[0].StringValue)));
        }

        return PerRow(context, caseInsensitive, escaped);
    }

    /// <summary>Infix display: <c>(value LIKE pattern [ESCAPE escape])</c>.</summary>
    public static string Format(string keyword, IReadOnlyList<BoundExpression> arguments) => arguments.Count switch
    {
        2 => $"({arguments[0]} {keyword} {arguments[1]})",
        3 => $"({arguments[0]} {keyword} {arguments[1]} ESCAPE {arguments[2]})",
        _ => $"{keyword}({string.Join(", ", arguments)})",
    };

    private static bool TryEscape(ScalarValue constant, out string? escape)
    {
        escape = constant.IsNull ? null : constant.StringValue;
        return !constant.IsNull;
    }

    private static TextKernel PerRow(ScalarBindContext context, bool caseInsensitive, bool escaped) =>
        new(DataType.Bool, context, a =>
        {
            try
            {
                var compiled = LikePattern.Compile(a[1].StringValue, escaped ? a[2].StringValue : null, caseInsensitive);
                return ScalarValue.FromBool(compiled.IsMatch(a[0].StringValue));
            }
            catch (ArgumentException problem)
            {
                throw new Errors.QueryExecutionException(problem.Message);
            }
        });
}
