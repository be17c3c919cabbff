using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet.Metadata;

/// <summary>
/// Decodes Parquet's Thrift structs (FileMetaData, SchemaElement, RowGroup, ColumnChunk, ColumnMetaData,
/// Statistics, PageHeader and friends, KeyValue, LogicalType) from the compact protocol. Field ids follow
/// the parquet-format specification; unknown fields are skipped, a known field of the wrong Thrift type or
/// a missing required field is a <see cref="Core.Errors.CorruptDataException"/>. Enum values are range
/// checked where a wrong value would mislead later stages.
/// </summary>
internal static partial class MetadataDecoder
{
    /// <summary>Decodes a FileMetaData struct (the footer).</summary>
    public static FileMetaData ReadFileMetaData(ref ThriftCompactReader reader)
    {
        const string Name = "FileMetaData";
        var result = new FileMetaData();
        bool hasSchema = false, hasRows = false, hasRowGroups = false;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.Version = ReadI32(ref reader, Name, id, type);
                    break;
                case 2:
                    var schemaCount = ReadListHeader(ref reader, Name, id, type, ThriftType.Struct);
                    var schema = new SchemaElement[schemaCount];
                    for (var i = 0; i < schemaCount; i++)
                    {
                        schema[i] = ReadSchemaElement(ref reader);
                    }

                    result.Schema = schema;
                    hasSchema = true;
                    break;
                case 3:
                    result.NumRows = ReadI64(ref reader, Name, id, type);
                    hasRows = true;
                    break;
                case 4:
                    var groupCount = ReadListHeader(ref reader, Name, id, type, ThriftType.Struct);
                    var groups = new RowGroup[groupCount];
                    for (var i = 0; i < groupCount; i++)
                    {
                        groups[i] = ReadRowGroup(ref reader);
                    }

                    result.RowGroups = groups;
                    hasRowGroups = true;
                    break;
                case 5:
                    result.KeyValueMetadata = ReadKeyValueList(ref reader, Name, id, type);
                    break;
                case 6:
                    result.CreatedBy = ReadString(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, hasSchema && hasRows && hasRowGroups, "schema, num_rows and row_groups");
        return result;
    }

    /// <summary>Decodes a PageHeader struct.</summary>
    public static PageHeader ReadPageHeader(ref ThriftCompactReader reader)
    {
        const string Name = "PageHeader";
        var result = new PageHeader();
        bool hasType = false, hasUncompressed = false, hasCompressed = false;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.Type = (PageType)ReadI32(ref reader, Name, id, type);
                    hasType = true;
                    break;
                case 2:
                    result.UncompressedPageSize = ReadI32(ref reader, Name, id, type);
                    hasUncompressed = true;
                    break;
                case 3:
                    result.CompressedPageSize = ReadI32(ref reader, Name, id, type);
                    hasCompressed = true;
                    break;
                case 4:
                    result.Crc = ReadI32(ref reader, Name, id, type);
                    break;
                case 5:
                    ExpectStruct(ref reader, Name, id, type);
                    result.DataPage = ReadDataPageHeader(ref reader);
                    break;
                case 7:
                    ExpectStruct(ref reader, Name, id, type);
                    result.DictionaryPage = ReadDictionaryPageHeader(ref reader);
                    break;
                case 8:
                    ExpectStruct(ref reader, Name, id, type);
                    result.DataPageV2 = ReadDataPageHeaderV2(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, hasType && hasUncompressed && hasCompressed, "type, uncompressed_page_size and compressed_page_size");
        return result;
    }

    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader reader)
    {
        const string Name = "SchemaElement";
        var result = new SchemaElement();
        var hasName = false;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    var physical = ReadI32(ref reader, Name, id, type);
                    if (physical is < 0 or > (int)PhysicalType.FixedLenByteArray)
                    {
                        reader.Fail($"SchemaElement has unknown physical type {physical}");
                    }

                    result.Type = (PhysicalType)physical;
                    break;
                case 2:
                    result.TypeLength = ReadI32(ref reader, Name, id, type);
                    break;
                case 3:
                    var repetition = ReadI32(ref reader, Name, id, type);
                    if (repetition is < 0 or > (int)FieldRepetition.Repeated)
                    {
                        reader.Fail($"SchemaElement has unknown repetition type {repetition}");
                    }

                    result.Repetition = (FieldRepetition)repetition;
                    break;
                case 4:
                    result.Name = ReadString(ref reader, Name, id, type);
                    hasName = true;
                    break;
                case 5:
                    result.NumChildren = ReadI32(ref reader, Name, id, type);
                    break;
                case 6:
                    result.ConvertedType = (ConvertedType)ReadI32(ref reader, Name, id, type);
                    break;
                case 7:
                    result.Scale = ReadI32(ref reader, Name, id, type);
                    break;
                case 8:
                    result.Precision = ReadI32(ref reader, Name, id, type);
                    break;
                case 10:
                    ExpectStruct(ref reader, Name, id, type);
                    result.LogicalType = ReadLogicalType(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, hasName, "name");
        return result;
    }

    private static LogicalType ReadLogicalType(ref ThriftCompactReader reader)
    {
        var result = new LogicalType { Kind = LogicalTypeKind.Unknown };
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            if (type != ThriftType.Struct)
            {
                reader.Skip(type);
                continue;
            }

            result = id switch
            {
                5 => ReadDecimalType(ref reader),
                7 => ReadTemporalType(ref reader, LogicalTypeKind.Time),
                8 => ReadTemporalType(ref reader, LogicalTypeKind.Timestamp),
                10 => ReadIntType(ref reader),
                1 or 2 or 3 or 4 or 6 or 11 or 12 or 13 or 14 or 15 => SkipEmpty(ref reader, (LogicalTypeKind)id),
                _ => SkipEmpty(ref reader, LogicalTypeKind.Unknown),
            };
        }

        reader.EndStruct(saved);
        return result;
    }

    private static LogicalType SkipEmpty(ref ThriftCompactReader reader, LogicalTypeKind kind)
    {
        reader.Skip(ThriftType.Struct);
        return new LogicalType { Kind = kind };
    }

    private static LogicalType ReadDecimalType(ref ThriftCompactReader reader)
    {
        const string Name = "DecimalType";
        int scale = 0, precision = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    scale = ReadI32(ref reader, Name, id, type);
                    break;
                case 2:
                    precision = ReadI32(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        return new LogicalType { Kind = LogicalTypeKind.Decimal, Scale = scale, Precision = precision };
    }

    private static LogicalType ReadTemporalType(ref ThriftCompactReader reader, LogicalTypeKind kind)
    {
        var name = kind == LogicalTypeKind.Time ? "TimeType" : "TimestampType";
        var utc = false;
        var unit = TimeUnit.Millis;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    utc = ReadBool(ref reader, name, id, type);
                    break;
                case 2:
                    ExpectStruct(ref reader, name, id, type);
                    unit = ReadTimeUnit(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        return new LogicalType { Kind = kind, IsAdjustedToUtc = utc, Unit = unit };
    }

    private static TimeUnit ReadTimeUnit(ref ThriftCompactReader reader)
    {
        TimeUnit? unit = null;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            if (id is >= 1 and <= 3 && type == ThriftType.Struct)
            {
                unit = (TimeUnit)id;
            }

            reader.Skip(type);
        }

        reader.EndStruct(saved);
        if (unit is null)
        {
            reader.Fail("TimeUnit names no known unit (MILLIS, MICROS or NANOS)");
        }

        return unit.Value;
    }

    private static LogicalType ReadIntType(ref ThriftCompactReader reader)
    {
        const string Name = "IntType";
        var bitWidth = 0;
        var signed = true;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    if (type != ThriftType.Byte)
                    {
                        reader.FailType(Name, id, ThriftType.Byte, type);
                    }

                    bitWidth = reader.ReadByte();
                    break;
                case 2:
                    signed = ReadBool(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        return new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = bitWidth, IsSigned = signed };
    }

    private static RowGroup ReadRowGroup(ref ThriftCompactReader reader)
    {
        const string Name = "RowGroup";
        var result = new RowGroup();
        bool hasColumns = false, hasRows = false;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    var count = ReadListHeader(ref reader, Name, id, type, ThriftType.Struct);
                    var columns = new ColumnChunk[count];
                    for (var i = 0; i < count; i++)
                    {
                        columns[i] = ReadColumnChunk(ref reader);
                    }

                    result.Columns = columns;
                    hasColumns = true;
                    break;
                case 2:
                    result.TotalByteSize = ReadI64(ref reader, Name, id, type);
                    break;
                case 3:
                    result.NumRows = ReadI64(ref reader, Name, id, type);
                    hasRows = true;
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, hasColumns && hasRows, "columns and num_rows");
        return result;
    }

    private static ColumnChunk ReadColumnChunk(ref ThriftCompactReader reader)
    {
        const string Name = "ColumnChunk";
        var result = new ColumnChunk();
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.FilePath = ReadString(ref reader, Name, id, type);
                    break;
                case 3:
                    ExpectStruct(ref reader, Name, id, type);
                    result.MetaData = ReadColumnMetaData(ref reader);
                    break;
                case 4:
                    result.OffsetIndexOffset = ReadI64(ref reader, Name, id, type);
                    break;
                case 5:
                    result.OffsetIndexLength = ReadI32(ref reader, Name, id, type);
                    break;
                case 6:
                    result.ColumnIndexOffset = ReadI64(ref reader, Name, id, type);
                    break;
                case 7:
                    result.ColumnIndexLength = ReadI32(ref reader, Name, id, type);
                    break;
                case 8 or 9:
                    result.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        return result;
    }

    private static ColumnMetaData ReadColumnMetaData(ref ThriftCompactReader reader)
    {
        const string Name = "ColumnMetaData";
        var result = new ColumnMetaData();
        var seen = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    var physical = ReadI32(ref reader, Name, id, type);
                    if (physical is < 0 or > (int)PhysicalType.FixedLenByteArray)
                    {
                        reader.Fail($"ColumnMetaData has unknown physical type {physical}");
                    }

                    result.Type = (PhysicalType)physical;
                    seen |= 1;
                    break;
                case 2:
                    var encodingCount = ReadListHeader(ref reader, Name, id, type, ThriftType.I32);
                    var encodings = new ParquetEncoding[encodingCount];
                    for (var i = 0; i < encodingCount; i++)
                    {
                        encodings[i] = (ParquetEncoding)reader.ReadI32();
                    }

                    result.Encodings = encodings;
                    break;
                case 3:
                    var pathCount = ReadListHeader(ref reader, Name, id, type, ThriftType.Binary);
                    var path = new string[pathCount];
                    for (var i = 0; i < pathCount; i++)
                    {
                        path[i] = reader.ReadString();
                    }

                    result.PathInSchema = path;
                    break;
                case 4:
                    result.Codec = (CompressionCodec)ReadI32(ref reader, Name, id, type);
                    seen |= 2;
                    break;
                case 5:
                    result.NumValues = ReadI64(ref reader, Name, id, type);
                    seen |= 4;
                    break;
                case 6:
                    result.TotalUncompressedSize = ReadI64(ref reader, Name, id, type);
                    break;
                case 7:
                    result.TotalCompressedSize = ReadI64(ref reader, Name, id, type);
                    seen |= 8;
                    break;
                case 8:
                    result.KeyValueMetadata = ReadKeyValueList(ref reader, Name, id, type);
                    break;
                case 9:
                    result.DataPageOffset = ReadI64(ref reader, Name, id, type);
                    seen |= 16;
                    break;
                case 11:
                    result.DictionaryPageOffset = ReadI64(ref reader, Name, id, type);
                    break;
                case 12:
                    ExpectStruct(ref reader, Name, id, type);
                    result.Statistics = ReadStatistics(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, seen == 31, "type, codec, num_values, total_compressed_size and data_page_offset");
        return result;
    }

    private static ParquetStatistics ReadStatistics(ref ThriftCompactReader reader)
    {
        const string Name = "Statistics";
        var result = new ParquetStatistics();
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.LegacyMax = ReadBinary(ref reader, Name, id, type);
                    break;
                case 2:
                    result.LegacyMin = ReadBinary(ref reader, Name, id, type);
                    break;
                case 3:
                    result.NullCount = ReadI64(ref reader, Name, id, type);
                    break;
                case 4:
                    result.DistinctCount = ReadI64(ref reader, Name, id, type);
                    break;
                case 5:
                    result.MaxValue = ReadBinary(ref reader, Name, id, type);
                    break;
                case 6:
                    result.MinValue = ReadBinary(ref reader, Name, id, type);
                    break;
                case 9:
                    result.NanCount = ReadI64(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        return result;
    }

    private static KeyValue[] ReadKeyValueList(ref ThriftCompactReader reader, string structName, short fieldId, ThriftType type)
    {
        const string Name = "KeyValue";
        var count = ReadListHeader(ref reader, structName, fieldId, type, ThriftType.Struct);
        var result = new KeyValue[count];
        for (var i = 0; i < count; i++)
        {
            string? key = null;
            string? value = null;
            var saved = reader.BeginStruct();
            while (reader.ReadFieldHeader(out var id, out var fieldType))
            {
                switch (id)
                {
                    case 1:
                        key = ReadString(ref reader, Name, id, fieldType);
                        break;
                    case 2:
                        value = ReadString(ref reader, Name, id, fieldType);
                        break;
                    default:
                        reader.Skip(fieldType);
                        break;
                }
            }

            reader.EndStruct(saved);
            RequireFields(ref reader, Name, key is not null, "key");
            result[i] = new KeyValue(key!, value);
        }

        return result;
    }

    private static DataPageHeader ReadDataPageHeader(ref ThriftCompactReader reader)
    {
        const string Name = "DataPageHeader";
        var result = new DataPageHeader();
        var seen = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.NumValues = ReadI32(ref reader, Name, id, type);
                    seen |= 1;
                    break;
                case 2:
                    result.Encoding = (ParquetEncoding)ReadI32(ref reader, Name, id, type);
                    seen |= 2;
                    break;
                case 3:
                    result.DefinitionLevelEncoding = (ParquetEncoding)ReadI32(ref reader, Name, id, type);
                    break;
                case 4:
                    result.RepetitionLevelEncoding = (ParquetEncoding)ReadI32(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, seen == 3, "num_values and encoding");
        return result;
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ref ThriftCompactReader reader)
    {
        const string Name = "DataPageHeaderV2";
        var result = new DataPageHeaderV2();
        var seen = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.NumValues = ReadI32(ref reader, Name, id, type);
                    seen |= 1;
                    break;
                case 2:
                    result.NumNulls = ReadI32(ref reader, Name, id, type);
                    seen |= 2;
                    break;
                case 3:
                    result.NumRows = ReadI32(ref reader, Name, id, type);
                    seen |= 4;
                    break;
                case 4:
                    result.Encoding = (ParquetEncoding)ReadI32(ref reader, Name, id, type);
                    seen |= 8;
                    break;
                case 5:
                    result.DefinitionLevelsByteLength = ReadI32(ref reader, Name, id, type);
                    seen |= 16;
                    break;
                case 6:
                    result.RepetitionLevelsByteLength = ReadI32(ref reader, Name, id, type);
                    seen |= 32;
                    break;
                case 7:
                    result.IsCompressed = ReadBool(ref reader, Name, id, type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, seen == 63, "num_values, num_nulls, num_rows, encoding and both level lengths");
        return result;
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ref ThriftCompactReader reader)
    {
        const string Name = "DictionaryPageHeader";
        var result = new DictionaryPageHeader();
        var seen = 0;
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    result.NumValues = ReadI32(ref reader, Name, id, type);
                    seen |= 1;
                    break;
                case 2:
                    result.Encoding = (ParquetEncoding)ReadI32(ref reader, Name, id, type);
                    seen |= 2;
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct(saved);
        RequireFields(ref reader, Name, seen == 3, "num_values and encoding");
        return result;
    }

    private static void RequireFields(ref ThriftCompactReader reader, string structName, bool present, string fields)
    {
        if (!present)
        {
            reader.Fail($"{structName} lacks required field(s) {fields}");
        }
    }

    private static void ExpectStruct(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type != ThriftType.Struct)
        {
            reader.FailType(structName, id, ThriftType.Struct, type);
        }
    }

    private static int ReadListHeader(ref ThriftCompactReader reader, string structName, short id, ThriftType type, ThriftType elementType)
    {
        if (type is not (ThriftType.List or ThriftType.Set))
        {
            reader.FailType(structName, id, ThriftType.List, type);
        }

        var (actual, count) = reader.ReadListHeader();
        if (actual != elementType && count > 0)
        {
            reader.Fail($"{structName} field {id} is a list of {actual}, expected {elementType}");
        }

        return count;
    }

    private static int ReadI32(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type != ThriftType.I32)
        {
            reader.FailType(structName, id, ThriftType.I32, type);
        }

        return reader.ReadI32();
    }

    private static long ReadI64(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type != ThriftType.I64)
        {
            reader.FailType(structName, id, ThriftType.I64, type);
        }

        return reader.ReadI64();
    }

    private static bool ReadBool(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type is not (ThriftType.BooleanTrue or ThriftType.BooleanFalse))
        {
            reader.FailType(structName, id, ThriftType.BooleanTrue, type);
        }

        return ThriftCompactReader.ReadBoolField(type);
    }

    private static string ReadString(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type != ThriftType.Binary)
        {
            reader.FailType(structName, id, ThriftType.Binary, type);
        }

        return reader.ReadString();
    }

    private static byte[] ReadBinary(ref ThriftCompactReader reader, string structName, short id, ThriftType type)
    {
        if (type != ThriftType.Binary)
        {
            reader.FailType(structName, id, ThriftType.Binary, type);
        }

        return reader.ReadBinary().ToArray();
    }
}
