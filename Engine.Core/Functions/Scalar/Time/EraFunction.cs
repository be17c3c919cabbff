namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>era(ts)</c>: 1 for years after 1 BC, 0 before, as a BIGINT; <c>date_part('era', ts)</c>.</summary>
public sealed class EraFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public EraFunction()
        : base(DatePart.Era)
    {
    }

    /// <inheritdoc />
    public override string Name => "era";
}
