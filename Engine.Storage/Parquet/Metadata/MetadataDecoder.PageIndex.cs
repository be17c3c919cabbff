using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet.Metadata;

/// <summary>Decoding of the page index structures (OffsetIndex, ColumnIndex) that live between the row groups and the footer.</summary>
internal static partial class MetadataDecoder
{
    /// <summary>Reads an OffsetIndex; list sizes are checked against the bytes left before anything is allocated.</summary>
    public static OffsetIndex ReadOffsetIndex(ref ThriftCompactReader reader)
    {
        const string Name = "OffsetIndex";
        PageLocation[]? pages = null;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            if (id == 1)
            {
                var count = ReadListHeader(ref reader, Name, id, type, ThriftType.Struct);
                pages = new PageLocation[count];
                for (var i = 0; i < count; i++)
                {
                    pages[i] = ReadPageLocation(ref reader);
                }
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, pages is not null, "page_locations");
        return new OffsetIndex(pages!);
    }

    /// <summary>Reads a ColumnIndex; the per-page lists must all have the same length.</summary>
    public static ColumnIndex ReadColumnIndex(ref ThriftCompactReader reader)
    {
        const string Name = "ColumnIndex";
        bool[]? nullPages = null;
        byte[][]? minValues = null;
        byte[][]? maxValues = null;
        long[]? nullCounts = null;
        long[]? nanCounts = null;
        var hasOrder = false;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    nullPages = ReadBoolList(ref reader, Name, id, type);
                    break;
                case 2:
                    minValues = ReadBinaryList(ref reader, Name, id, type);
                    break;
                case 3:
                    maxValues = ReadBinaryList(ref reader, Name, id, type);
                    break;
                case 4:
                    ReadI32(ref reader, Name, id, type);
                    hasOrder = true;
                    break;
                case 5:
                    nullCounts = ReadI64List(ref reader, Name, id, type);
                    break;
                case 8:
                    nanCounts = ReadI64List(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, nullPages is not null && minValues is not null && maxValues is not null && hasOrder, "null_pages, min_values, max_values and boundary_order");
        if (minValues!.Length != nullPages!.Length || maxValues!.Length != nullPages.Length || (nullCounts is not null && nullCounts.Length != nullPages.Length) ||
            (nanCounts is not null && nanCounts.Length != nullPages.Length))
        {
            reader.Fail($"ColumnIndex lists disagree: {nullPages.Length} null_pages, {minValues.Length} min_values, {maxValues!.Length} max_values, {nullCounts?.Length ?? nullPages.Length} null_counts, {nanCounts?.Length ?? nullPages.Length} nan_counts");
        }

        return new ColumnIndex(nullPages, minValues, maxValues, nullCounts, nanCounts);
    }

    private static PageLocation ReadPageLocation(ref ThriftCompactReader reader)
    {
        const string Name = "PageLocation";
        long offset = 0;
        var size = 0;
        long firstRow = 0;
        var seen = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    offset = ReadI64(ref reader, Name, id, type);
                    seen |= 1;
                    break;
                case 2:
                    size = ReadI32(ref reader, Name, id, type);
                    seen |= 2;
                    break;
                case 3:
                    firstRow = ReadI64(ref reader, Name, id, type);
                    seen |= 4;
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, seen == 7, "offset, compressed_page_size and first_row_index");
        return new PageLocation(offset, size, firstRow);
    }

    private static long[] ReadI64List(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        var count = ReadListHeader(ref reader, structName, id, type, ThriftType.I64);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadI64();
        }

        return values;
    }

    private static bool[] ReadBoolList(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type is not (ThriftType.List or ThriftType.Set))
        {
            reader.FailType(structName, id, ThriftType.List, type);
        }

        var (elementType, count) = reader.ReadListHeader();
        if (count > 0 && elementType is not (ThriftType.BooleanTrue or ThriftType.BooleanFalse))
        {
            reader.Fail($"{structName} field {id} is a list of {elementType}, expected booleans");
        }

        var values = new bool[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadBoolElement();
        }

        return values;
    }

    private static byte[][] ReadBinaryList(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        var count = ReadListHeader(ref reader, structName, id, type, ThriftType.Binary);
        var values = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadBinary().ToArray();
        }

        return values;
    }
}
