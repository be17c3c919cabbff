using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>A small table of awkward values (NULLs, NaN, infinities, quotes, commas, empty strings, extreme times) for harness tests.</summary>
internal static class EdgeCaseTable
{
    public const string Name = "edge";

    public static ColumnBatch Create()
    {
        var schema = new Schema(
        [
            new Field("t", DataType.Timestamp),
            new Field("s", DataType.String),
            new Field("d", DataType.Double),
            new Field("i", DataType.Int64),
            new Field("b", DataType.Bool),
        ]);
        var nulls = ValidityBitmap.Create(7, allValid: true);
        ValidityBitmap.Set(nulls, 1, false);
        var times = new Int64Column([1_704_067_200_000_000, 0, -1, 1_704_067_200_123_456, 253_402_300_799_999_999, 86_400_000_000, 5], nulls, DataType.Timestamp);
        var strings = StringColumn.FromValues(["plain", null, string.Empty, "comma, and \"quote\"", "line\nbreak", "ünïcödé", " padded "]);
        var doubleNulls = ValidityBitmap.Create(7, allValid: true);
        ValidityBitmap.Set(doubleNulls, 2, false);
        var doubles = new DoubleColumn([0.1, double.NaN, 0, double.PositiveInfinity, double.NegativeInfinity, 1.7976931348623157E+308, -4.9E-324], doubleNulls);
        var intNulls = ValidityBitmap.Create(7, allValid: true);
        ValidityBitmap.Set(intNulls, 3, false);
        var ints = new Int64Column([long.MaxValue, long.MinValue, 0, 0, -1, 42, 1], intNulls);
        var boolNulls = ValidityBitmap.Create(7, allValid: true);
        ValidityBitmap.Set(boolNulls, 4, false);
        var bools = BoolColumn.FromValues([true, false, true, false, true, false, true], boolNulls);
        return new ColumnBatch(schema, [times, strings, doubles, ints, bools], 7);
    }

    public static void Register(InMemoryCatalog catalog) => catalog.Register(Name, [Create()]);
}
