using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet;

/// <summary>
/// Everything the footer says about a Parquet file, for <c>engine inspect</c>: schema, row groups and
/// column chunks with codec, encodings, sizes and statistics (min/max as Engine values, in text).
/// </summary>
/// <param name="Key">The file's key or path.</param>
/// <param name="FileBytes">File size.</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="CreatedBy">The writer that made the file, when recorded.</param>
/// <param name="Columns">The schema's leaf columns.</param>
/// <param name="RowGroups">Row groups in file order.</param>
/// <param name="Metadata">Key-value metadata of the file.</param>
public sealed record ParquetFileDescription(
    string Key,
    long FileBytes,
    long Rows,
    string? CreatedBy,
    IReadOnlyList<ParquetColumnSummary> Columns,
    IReadOnlyList<ParquetRowGroupDescription> RowGroups,
    IReadOnlyDictionary<string, string?> Metadata)
{
    internal static ParquetFileDescription From(ParquetFileReader reader, IReadOnlyList<RowGroup> rowGroups)
    {
        var columns = reader.Columns.Select(c => new ParquetColumnSummary(
            c.Name, c.Field.Type.ToString(), c.PhysicalType.ToString(), LogicalTypeText(c), c.Repetition.ToString())).ToArray();
        var groups = new List<ParquetRowGroupDescription>(rowGroups.Count);
        for (var g = 0; g < rowGroups.Count; g++)
        {
            var info = reader.RowGroups[g];
            var chunks = new List<ParquetColumnChunkDescription>();
            for (var c = 0; c < rowGroups[g].Columns.Count && c < reader.Columns.Count; c++)
            {
                var meta = rowGroups[g].Columns[c].MetaData;
                var statistics = info.Statistics[c];
                chunks.Add(new ParquetColumnChunkDescription(
                    reader.Columns[c].Name,
                    meta?.Codec.ToString() ?? "unknown",
                    meta?.Encodings.Select(e => e.ToString()).ToArray() ?? [],
                    meta?.TotalCompressedSize ?? 0,
                    meta?.TotalUncompressedSize ?? 0,
                    meta?.NumValues ?? 0,
                    meta?.DictionaryPageOffset ?? meta?.DataPageOffset ?? 0,
                    statistics.Min.IsNull ? null : statistics.Min.ToString(),
                    statistics.Max.IsNull ? null : statistics.Max.ToString(),
                    statistics.NullCount >= 0 ? statistics.NullCount : null));
            }

            groups.Add(new ParquetRowGroupDescription(g, info.RowCount, info.CompressedBytes, chunks));
        }

        var metadata = reader.KeyValueMetadata.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        return new ParquetFileDescription(reader.Key, reader.FileLength, reader.RowCount, reader.CreatedBy, columns, groups, metadata);
    }

    private static string? LogicalTypeText(ParquetColumnDescriptor column)
    {
        if (column.LogicalType is { } logical)
        {
            return logical.Kind switch
            {
                LogicalTypeKind.Timestamp or LogicalTypeKind.Time => $"{logical.Kind}({logical.Unit}, {(logical.IsAdjustedToUtc ? "UTC" : "local")})",
                LogicalTypeKind.Decimal => $"Decimal({logical.Precision}, {logical.Scale})",
                LogicalTypeKind.Integer => $"Int({logical.BitWidth}, {(logical.IsSigned ? "signed" : "unsigned")})",
                _ => logical.Kind.ToString(),
            };
        }

        return column.ConvertedType?.ToString();
    }
}

/// <summary>One leaf column of a Parquet schema and the Engine type it reads as.</summary>
/// <param name="Name">Column name.</param>
/// <param name="EngineType">The Engine type values are read as.</param>
/// <param name="PhysicalType">Parquet physical type.</param>
/// <param name="LogicalType">Logical or converted type, when annotated.</param>
/// <param name="Repetition">REQUIRED or OPTIONAL.</param>
public sealed record ParquetColumnSummary(string Name, string EngineType, string PhysicalType, string? LogicalType, string Repetition);

/// <summary>One row group.</summary>
/// <param name="Index">Position in the file.</param>
/// <param name="Rows">Rows in the group.</param>
/// <param name="CompressedBytes">Bytes of its column chunks in the file.</param>
/// <param name="Columns">Its column chunks.</param>
public sealed record ParquetRowGroupDescription(int Index, long Rows, long CompressedBytes, IReadOnlyList<ParquetColumnChunkDescription> Columns);

/// <summary>One column chunk of a row group.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Codec">Compression codec.</param>
/// <param name="Encodings">Encodings its pages use.</param>
/// <param name="CompressedBytes">Bytes in the file.</param>
/// <param name="UncompressedBytes">Bytes after decompression.</param>
/// <param name="Values">Values including NULLs.</param>
/// <param name="Offset">File offset of its first page.</param>
/// <param name="Min">Smallest value, when the statistics are usable.</param>
/// <param name="Max">Largest value, when the statistics are usable.</param>
/// <param name="NullCount">NULLs, when recorded.</param>
public sealed record ParquetColumnChunkDescription(
    string Name, string Codec, IReadOnlyList<string> Encodings, long CompressedBytes, long UncompressedBytes, long Values, long Offset,
    string? Min, string? Max, long? NullCount);
