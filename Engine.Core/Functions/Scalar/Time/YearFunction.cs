namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>year(ts)</c>: the year (astronomical: 0 is 1 BC), as a BIGINT; <c>date_part('year', ts)</c>.</summary>
public sealed class YearFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public YearFunction()
        : base(DatePart.Year)
    {
    }

    /// <inheritdoc />
    public override string Name => "year";
}
