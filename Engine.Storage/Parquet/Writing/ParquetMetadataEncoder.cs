using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Encodes the Thrift structs the writer emits (PageHeader with its data or dictionary page header, the page
/// index's ColumnIndex and OffsetIndex, and FileMetaData with schema, row groups, column chunks, statistics, key/value metadata and column orders)
/// with field ids from the parquet-format specification. The counterpart of <see cref="MetadataDecoder"/>;
/// stateless and thread-safe.
/// </summary>
internal static class ParquetMetadataEncoder
{
    /// <summary>The FileMetaData version written (2: logical types and min_value/max_value statistics).</summary>
    public const int FormatVersion = 2;

    /// <summary>Encodes the PageHeader of a version 1 data page.</summary>
    public static void WriteDataPageHeader(ThriftCompactWriter writer, int uncompressedSize, int compressedSize, uint crc, int numValues, ParquetEncoding encoding)
    {
        var saved = writer.BeginStruct();
        writer.WriteI32Field(1, (int)PageType.DataPage);
        writer.WriteI32Field(2, uncompressedSize);
        writer.WriteI32Field(3, compressedSize);
        writer.WriteI32Field(4, unchecked((int)crc));
        var page = writer.BeginStructField(5);
        writer.WriteI32Field(1, numValues);
        writer.WriteI32Field(2, (int)encoding);
        writer.WriteI32Field(3, (int)ParquetEncoding.Rle);
        writer.WriteI32Field(4, (int)ParquetEncoding.Rle);
        writer.EndStruct(page);
        writer.EndStruct(saved);
    }

    /// <summary>Encodes the PageHeader of a PLAIN dictionary page.</summary>
    public static void WriteDictionaryPageHeader(ThriftCompactWriter writer, int uncompressedSize, int compressedSize, uint crc, int numValues)
    {
        var saved = writer.BeginStruct();
        writer.WriteI32Field(1, (int)PageType.DictionaryPage);
        writer.WriteI32Field(2, uncompressedSize);
        writer.WriteI32Field(3, compressedSize);
        writer.WriteI32Field(4, unchecked((int)crc));
        var page = writer.BeginStructField(7);
        writer.WriteI32Field(1, numValues);
        writer.WriteI32Field(2, (int)ParquetEncoding.Plain);
        writer.EndStruct(page);
        writer.EndStruct(saved);
    }

    /// <summary>
    /// Encodes the ColumnIndex of <paramref name="column"/> (which must have a <see cref="ColumnChunkSummary.BoundaryOrder"/>):
    /// per page whether it is NULL-only, its min and max (empty for NULL-only pages), the boundary order, the NULL counts and,
    /// for DOUBLE columns, the NaN counts.
    /// </summary>
    public static void WriteColumnIndex(ThriftCompactWriter writer, ColumnChunkSummary column)
    {
        var pages = column.Pages;
        var saved = writer.BeginStruct();
        writer.WriteListField(1, ThriftType.BooleanTrue, pages.Count);
        foreach (var page in pages)
        {
            writer.WriteBoolElement(page.NullOnly);
        }

        writer.WriteListField(2, ThriftType.Binary, pages.Count);
        foreach (var page in pages)
        {
            writer.WriteBinary(page.NullOnly ? [] : page.Min);
        }

        writer.WriteListField(3, ThriftType.Binary, pages.Count);
        foreach (var page in pages)
        {
            writer.WriteBinary(page.NullOnly ? [] : page.Max);
        }

        writer.WriteI32Field(4, (int)(column.BoundaryOrder ?? throw new InvalidOperationException($"Column '{column.Name}' has no ColumnIndex.")));
        writer.WriteListField(5, ThriftType.I64, pages.Count);
        foreach (var page in pages)
        {
            writer.WriteI64(page.NullCount);
        }

        // nan_counts (PARQUET-2249) for floating point: without it a reader must assume any page may hold NaN.
        if (column.PhysicalType == PhysicalType.Double)
        {
            writer.WriteListField(8, ThriftType.I64, pages.Count);
            foreach (var page in pages)
            {
                writer.WriteI64(page.NanCount ?? 0);
            }
        }

        writer.EndStruct(saved);
    }

    /// <summary>Encodes the OffsetIndex of <paramref name="column"/>: each data page's offset, stored size and first row.</summary>
    public static void WriteOffsetIndex(ThriftCompactWriter writer, ColumnChunkSummary column)
    {
        var saved = writer.BeginStruct();
        writer.WriteListField(1, ThriftType.Struct, column.Pages.Count);
        foreach (var page in column.Pages)
        {
            var location = writer.BeginStruct();
            writer.WriteI64Field(1, page.Offset);
            writer.WriteI32Field(2, page.CompressedSize);
            writer.WriteI64Field(3, page.FirstRow);
            writer.EndStruct(location);
        }

        writer.EndStruct(saved);
    }

    /// <summary>Encodes the footer for a flat <paramref name="schema"/> and the row groups written.</summary>
    public static void WriteFileMetaData(ThriftCompactWriter writer, Schema schema, IReadOnlyList<RowGroupSummary> rowGroups, ParquetWriterOptions options)
    {
        long numRows = 0;
        foreach (var group in rowGroups)
        {
            numRows = checked(numRows + group.NumRows);
        }

        var saved = writer.BeginStruct();
        writer.WriteI32Field(1, FormatVersion);
        writer.WriteListField(2, ThriftType.Struct, schema.Count + 1);
        WriteRootElement(writer, schema.Count);
        foreach (var field in schema.Fields)
        {
            WriteSchemaElement(writer, field);
        }

        writer.WriteI64Field(3, numRows);
        writer.WriteListField(4, ThriftType.Struct, rowGroups.Count);
        for (var i = 0; i < rowGroups.Count; i++)
        {
            WriteRowGroup(writer, rowGroups[i], i);
        }

        if (options.KeyValueMetadata.Count > 0)
        {
            writer.WriteListField(5, ThriftType.Struct, options.KeyValueMetadata.Count);
            foreach (var entry in options.KeyValueMetadata)
            {
                var kv = writer.BeginStruct();
                writer.WriteStringField(1, entry.Key);
                if (entry.Value is not null)
                {
                    writer.WriteStringField(2, entry.Value);
                }

                writer.EndStruct(kv);
            }
        }

        writer.WriteStringField(6, options.CreatedBy);

        // One ColumnOrder per leaf: TYPE_ORDER, so readers trust min_value/max_value.
        writer.WriteListField(7, ThriftType.Struct, schema.Count);
        for (var i = 0; i < schema.Count; i++)
        {
            var order = writer.BeginStruct();
            writer.WriteEmptyStructField(1);
            writer.EndStruct(order);
        }

        writer.EndStruct(saved);
    }

    /// <summary>The physical type Engine stores a logical type as.</summary>
    public static PhysicalType PhysicalTypeOf(DataType type) => type.Id switch
    {
        TypeId.Int64 or TypeId.Timestamp => PhysicalType.Int64,
        TypeId.Double => PhysicalType.Double,
        TypeId.Bool => PhysicalType.Boolean,
        TypeId.String => PhysicalType.ByteArray,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Engine data type."),
    };

    private static void WriteRootElement(ThriftCompactWriter writer, int childCount)
    {
        var saved = writer.BeginStruct();
        writer.WriteStringField(4, "schema");
        writer.WriteI32Field(5, childCount);
        writer.EndStruct(saved);
    }

    private static void WriteSchemaElement(ThriftCompactWriter writer, Field field)
    {
        var saved = writer.BeginStruct();
        writer.WriteI32Field(1, (int)PhysicalTypeOf(field.Type));
        writer.WriteI32Field(3, (int)(field.Nullable ? FieldRepetition.Optional : FieldRepetition.Required));
        writer.WriteStringField(4, field.Name);
        switch (field.Type.Id)
        {
            case TypeId.Timestamp:
                writer.WriteI32Field(6, (int)ConvertedType.TimestampMicros);
                var logical = writer.BeginStructField(10);
                var timestamp = writer.BeginStructField((short)LogicalTypeKind.Timestamp);
                writer.WriteBoolField(1, true);
                var unit = writer.BeginStructField(2);
                writer.WriteEmptyStructField((short)TimeUnit.Micros);
                writer.EndStruct(unit);
                writer.EndStruct(timestamp);
                writer.EndStruct(logical);
                break;
            case TypeId.String:
                writer.WriteI32Field(6, (int)ConvertedType.Utf8);
                var text = writer.BeginStructField(10);
                writer.WriteEmptyStructField((short)LogicalTypeKind.String);
                writer.EndStruct(text);
                break;
        }

        writer.EndStruct(saved);
    }

    private static void WriteRowGroup(ThriftCompactWriter writer, RowGroupSummary group, int ordinal)
    {
        var saved = writer.BeginStruct();
        writer.WriteListField(1, ThriftType.Struct, group.Columns.Count);
        foreach (var column in group.Columns)
        {
            WriteColumnChunk(writer, column);
        }

        writer.WriteI64Field(2, group.TotalByteSize);
        writer.WriteI64Field(3, group.NumRows);
        writer.WriteI64Field(5, group.FileOffset);
        writer.WriteI64Field(6, group.TotalCompressedSize);
        if (ordinal <= short.MaxValue)
        {
            writer.WriteI16Field(7, (short)ordinal);
        }

        writer.EndStruct(saved);
    }

    private static void WriteColumnChunk(ThriftCompactWriter writer, ColumnChunkSummary column)
    {
        var saved = writer.BeginStruct();
        writer.WriteI64Field(2, 0);
        var meta = writer.BeginStructField(3);
        writer.WriteI32Field(1, (int)column.PhysicalType);
        writer.WriteListField(2, ThriftType.I32, column.Encodings.Count);
        foreach (var encoding in column.Encodings)
        {
            writer.WriteI32((int)encoding);
        }

        writer.WriteListField(3, ThriftType.Binary, 1);
        writer.WriteString(column.Name);
        writer.WriteI32Field(4, (int)column.Codec);
        writer.WriteI64Field(5, column.NumValues);
        writer.WriteI64Field(6, column.TotalUncompressedSize);
        writer.WriteI64Field(7, column.TotalCompressedSize);
        writer.WriteI64Field(9, column.DataPageOffset);
        if (column.DictionaryPageOffset is { } dictionaryOffset)
        {
            writer.WriteI64Field(11, dictionaryOffset);
        }

        var statistics = writer.BeginStructField(12);
        writer.WriteI64Field(3, column.NullCount);
        if (column.MaxValue is not null && column.MinValue is not null)
        {
            writer.WriteBinaryField(5, column.MaxValue);
            writer.WriteBinaryField(6, column.MinValue);
            writer.WriteBoolField(7, true);
            writer.WriteBoolField(8, true);
        }

        if (column.NanCount is { } nanCount)
        {
            writer.WriteI64Field(9, nanCount);
        }

        writer.EndStruct(statistics);
        writer.EndStruct(meta);
        if (column.OffsetIndexOffset is { } offsetIndex)
        {
            writer.WriteI64Field(4, offsetIndex);
            writer.WriteI32Field(5, column.OffsetIndexLength!.Value);
        }

        if (column.ColumnIndexOffset is { } columnIndex)
        {
            writer.WriteI64Field(6, columnIndex);
            writer.WriteI32Field(7, column.ColumnIndexLength!.Value);
        }

        writer.EndStruct(saved);
    }
}
