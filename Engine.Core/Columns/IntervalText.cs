using System.Globalization;
using System.Text;

namespace Engine.Core.Columns;

/// <summary>Text of INTERVAL values held as microseconds: <c>[-]HH:MM:SS[.ffffff]</c>, hours not folded into days.</summary>
public static class IntervalText
{
    /// <summary>Formats <paramref name="micros"/>, e.g. 5,400,000,000 as <c>01:30:00</c> and 1,500,000 as <c>00:00:01.5</c>.</summary>
    public static string Format(long micros)
    {
        var builder = new StringBuilder();
        var magnitude = (ulong)Int128.Abs(micros);
        if (micros < 0)
        {
            builder.Append('-');
        }

        var hours = magnitude / (ulong)TimestampMicros.PerHour;
        var minutes = magnitude / (ulong)TimestampMicros.PerMinute % 60;
        var seconds = magnitude / (ulong)TimestampMicros.PerSecond % 60;
        var fraction = magnitude % (ulong)TimestampMicros.PerSecond;
        builder.Append(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}");
        if (fraction != 0)
        {
            builder.Append('.').Append(fraction.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return builder.ToString();
    }
}
