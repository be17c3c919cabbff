using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>upper(s)</c> (also <c>ucase</c>): VARCHAR in upper case, by simple case mapping (surrogate pairs included; ß becomes ẞ as in DuckDB). One evaluation per dictionary entry.</summary>
public sealed class UpperFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "upper";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["ucase"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 1, "VARCHAR", DataType.String);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(Upper(a[0].StringValue)));
    }

    // Invariant simple case mapping keeps ß; DuckDB (utf8proc) maps it to the capital sharp s.
    private static string Upper(string text) => text.ToUpperInvariant().Replace('ß', 'ẞ');
}
