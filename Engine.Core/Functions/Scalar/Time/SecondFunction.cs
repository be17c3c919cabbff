namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>second(ts)</c>: the whole second, 0 to 59, as a BIGINT; <c>date_part('second', ts)</c>.</summary>
public sealed class SecondFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public SecondFunction()
        : base(DatePart.Second)
    {
    }

    /// <inheritdoc />
    public override string Name => "second";
}
