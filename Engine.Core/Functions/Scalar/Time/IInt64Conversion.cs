namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// A row-wise conversion of 64-bit values (microseconds to milliseconds, milliseconds to a timestamp, …) as a
/// struct that <see cref="Int64ConversionKernel{TConversion}"/> is specialized on, so its loop has no
/// delegate call.
/// </summary>
internal interface IInt64Conversion
{
    /// <summary>The converted <paramref name="value"/>; false when it does not fit.</summary>
    static abstract bool TryConvert(long value, out long result);

    /// <summary>The message of the error for a <paramref name="value"/> that does not fit.</summary>
    static abstract string OutOfRange(long value);
}
