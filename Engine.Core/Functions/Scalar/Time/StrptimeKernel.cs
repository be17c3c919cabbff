using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// Reads a VARCHAR column with a <see cref="StrptimeFormat"/>: each distinct dictionary entry the rows use
/// is read once. Text that does not match is an error, or NULL when <paramref name="nullOnFailure"/>
/// (try_strptime). NULL where the text is NULL.
/// </summary>
internal sealed class StrptimeKernel(StrptimeFormat format, string formatText, bool nullOnFailure) : ScalarKernel(DataType.Timestamp)
{
    private const byte Unread = 0;
    private const byte Read = 1;
    private const byte Failed = 2;

    public override Column Evaluate(ScalarArguments arguments)
    {
        var column = (StringColumn)arguments.Evaluate(0);
        var codes = column.Codes;
        var dictionary = column.Dictionary;
        var parsed = new long[dictionary.Count];
        var states = new byte[dictionary.Count];
        var values = new long[codes.Length];
        byte[]? validity = null;
        for (var i = 0; i < codes.Length; i++)
        {
            if (column.IsNull(i))
            {
                validity ??= ValidityBitmap.Create(codes.Length, allValid: true);
                ValidityBitmap.Set(validity, i, false);
                continue;
            }

            var code = codes[i];
            if (states[code] == Unread)
            {
                states[code] = format.TryRead(dictionary[code], out parsed[code]) ? Read : Failed;
            }

            if (states[code] == Read)
            {
                values[i] = parsed[code];
            }
            else if (nullOnFailure)
            {
                validity ??= ValidityBitmap.Create(codes.Length, allValid: true);
                ValidityBitmap.Set(validity, i, false);
            }
            else
            {
                throw new QueryExecutionException($"Could not parse string \"{dictionary[code]}\" according to format specifier \"{formatText}\".");
            }
        }

        return new Int64Column(values, validity, DataType.Timestamp);
    }
}
