using System.Text.RegularExpressions;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>regexp_matches(s, pattern[, options])</c>: BOOLEAN, whether the regular expression <c>pattern</c> matches
/// anywhere in <c>s</c> (anchor it with <c>^…$</c> for a whole match). The pattern and options must be
/// constants; a pattern .NET cannot parse is a <see cref="QueryBindException"/> at it. Options: <c>i</c>
/// ignores case, <c>c</c> respects it (the default), <c>s</c> lets <c>.</c> match a newline. Patterns use
/// .NET's syntax (RE2's common subset behaves alike), culture-invariant, and each match gives up after
/// one second with a <see cref="QueryExecutionException"/>.
/// </summary>
public sealed class RegexpMatchesFunction : ScalarFunction
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override string Name => "regexp_matches";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "BOOLEAN", DataType.String, DataType.String, DataType.String);
        for (var i = 1; i < context.Count; i++)
        {
            if (!context.TryGetConstant(i, out _))
            {
                throw context.Error(i, $"regexp_matches() needs a constant {(i == 1 ? "pattern" : "options")} string, got {context.Arguments[i]}");
            }
        }

        context.TryGetConstant(1, out var pattern);
        var options = RegexOptions.CultureInvariant;
        if (context.Count > 2 && context.TryGetConstant(2, out var flags) && !flags.IsNull)
        {
            foreach (var flag in flags.StringValue)
            {
                options = flag switch
                {
                    'i' => options | RegexOptions.IgnoreCase,
                    'c' => options & ~RegexOptions.IgnoreCase,
                    's' => options | RegexOptions.Singleline,
                    _ => throw context.Error(2, $"regexp_matches() does not know the option '{flag}' (it has i, c and s)"),
                };
            }
        }

        if (pattern.IsNull)
        {
            return new TextKernel(DataType.Bool, context, static _ => ScalarValue.Null(DataType.Bool));
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern.StringValue, options, s_timeout);
        }
        catch (ArgumentException problem)
        {
            throw context.Error(1, $"Invalid regular expression {new Literal(pattern)}: {problem.Message}");
        }

        return new TextKernel(DataType.Bool, context, a =>
        {
            try
            {
                return ScalarValue.FromBool(regex.IsMatch(a[0].StringValue));
            }
            catch (RegexMatchTimeoutException)
            {
                throw new QueryExecutionException($"regexp_matches() with pattern {new Literal(pattern)} took longer than {s_timeout.TotalSeconds} s on one value");
            }
        });
    }
}
