using System.Globalization;
using Engine.Core.Columns;

namespace Engine.Tests.Storage;

/// <summary>
/// Deterministic batches for the Parquet writer tests, and the rows DuckDB should read back from them in the
/// text form duckdb-read-parquet.mjs prints (BIGINT decimal, TIMESTAMP ISO with microseconds, DOUBLE as the
/// decimal int64 of its bits or "NaN", BOOLEAN "b:true"/"b:false", strings "s:" + text, NULL null).
/// </summary>
internal static class ParquetWriterTestData
{
    /// <summary>One column of each type: a non-nullable id and four nullable columns.</summary>
    public static Schema AllTypesSchema { get; } = new(
    [
        new Field("id", DataType.Int64, Nullable: false),
        new Field("ts", DataType.Timestamp),
        new Field("price", DataType.Double),
        new Field("flag", DataType.Bool),
        new Field("symbol", DataType.String),
    ]);

    /// <summary>
    /// <paramref name="rows"/> rows of <see cref="AllTypesSchema"/> with NULLs at regular strides, the
    /// extreme values of each type near the start, and a string dictionary with duplicates, unused
    /// entries, non-ASCII text and the empty string, whose order depends on <paramref name="seed"/>.
    /// </summary>
    public static ColumnBatch AllTypes(int rows, int seed)
    {
        var random = new Random(seed);
        var ids = new long[rows];
        var timestamps = new long[rows];
        var prices = new double[rows];
        var flags = new bool[rows];
        var codes = new int[rows];
        var tsValid = ValidityBitmap.Create(rows, allValid: true);
        var priceValid = ValidityBitmap.Create(rows, allValid: true);
        var flagValid = ValidityBitmap.Create(rows, allValid: true);
        var symbolValid = ValidityBitmap.Create(rows, allValid: true);
        string[] words = ["S0001", "S0002", "S0003", "S0002", "never used", "Ünïcødé €uro ✓", "", "S0004", "zz"];
        var dictionary = words.OrderBy(_ => random.Next()).ToArray();
        var usable = Enumerable.Range(0, dictionary.Length).Where(i => dictionary[i] != "never used").ToArray();
        var start = TimestampMicros.Parse("2024-01-01T00:00:00Z");
        for (var i = 0; i < rows; i++)
        {
            ids[i] = i switch
            {
                0 => long.MinValue,
                1 => long.MaxValue,
                _ => (i * 1_000_003L) - 7 + seed,
            };
            timestamps[i] = i == 2 ? -86_400_000_001L : start + (i * 1_000_123L) + random.Next(1000);
            prices[i] = i switch
            {
                3 => double.NaN,
                4 => double.PositiveInfinity,
                5 => double.NegativeInfinity,
                6 => -0.0,
                8 => double.Epsilon,
                _ => Math.Round((random.NextDouble() * 1000) - 500, 4),
            };
            flags[i] = random.Next(3) == 0;
            codes[i] = usable[random.Next(usable.Length)];
            SetNullEvery(tsValid, i, 7, 1);
            SetNullEvery(priceValid, i, 5, 2);
            SetNullEvery(flagValid, i, 11, 3);
            SetNullEvery(symbolValid, i, 13, 4);
        }

        return new ColumnBatch(AllTypesSchema,
        [
            new Int64Column(ids),
            new Int64Column(timestamps, tsValid, DataType.Timestamp),
            new DoubleColumn(prices, priceValid),
            BoolColumn.FromValues(flags, flagValid),
            new StringColumn(codes, dictionary, symbolValid),
        ], rows);
    }

    /// <summary>The rows of <paramref name="batches"/> in the text form the DuckDB script prints.</summary>
    public static List<string?[]> ExpectedRows(IEnumerable<ColumnBatch> batches)
    {
        var rows = new List<string?[]>();
        foreach (var batch in batches)
        {
            for (var row = 0; row < batch.RowCount; row++)
            {
                var values = new string?[batch.Columns.Count];
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = Format(batch.Columns[c], row);
                }

                rows.Add(values);
            }
        }

        return rows;
    }

    /// <summary>One value in the text form the DuckDB script prints.</summary>
    public static string? Format(Column column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column switch
        {
            Int64Column { Type.Id: TypeId.Timestamp } timestamps => FormatTimestamp(timestamps.Values[row]),
            Int64Column integers => integers.Values[row].ToString(CultureInfo.InvariantCulture),
            DoubleColumn doubles => double.IsNaN(doubles.Values[row])
                ? "NaN"
                : BitConverter.DoubleToInt64Bits(doubles.Values[row]).ToString(CultureInfo.InvariantCulture),
            BoolColumn bools => bools.GetValue(row) ? "b:true" : "b:false",
            StringColumn strings => "s:" + strings.GetValue(row),
            _ => throw new ArgumentException($"Unexpected column type {column.Type}.", nameof(column)),
        };
    }

    /// <summary>ISO-8601 UTC with exactly six fraction digits, as DuckDB's strftime '%Y-%m-%dT%H:%M:%S.%fZ' prints it.</summary>
    public static string FormatTimestamp(long micros) =>
        TimestampMicros.ToDateTime(micros).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void SetNullEvery(byte[] validity, int row, int stride, int phase)
    {
        if (row % stride == phase)
        {
            ValidityBitmap.Set(validity, row, false);
        }
    }
}
