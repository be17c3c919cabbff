using System.Globalization;

namespace Engine.Core.Catalog;

/// <summary>
/// What a partition's data is, as far as a catalog can tell without reading rows: its row count, its file's
/// size in bytes and version (the ETag, or the last-write time for local files), or the generator spec and
/// seed for generated data. A coordinator puts the identity it planned against into every
/// <see cref="PartitionScan"/>; a worker compares it with its own before it reads a row.
/// </summary>
/// <param name="RowCount">Rows in the partition.</param>
/// <param name="ByteSize">The file's size in bytes, or -1 when the partition is not a file.</param>
/// <param name="Version">The file's ETag or last-write time, or the generator spec; null when unknown.</param>
public sealed record PartitionIdentity(long RowCount, long ByteSize = -1, string? Version = null)
{
    /// <summary>
    /// What differs between this identity (the data held here) and <paramref name="planned"/>, as text such as
    /// <c>100000 rows here, 200000 planned</c>, or null when they agree. A side that does not know the size or
    /// version (-1, null) does not contradict the other.
    /// </summary>
    public string? DifferenceFrom(PartitionIdentity planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var differences = new List<string>(3);
        if (RowCount != planned.RowCount)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{RowCount} rows here, {planned.RowCount} planned"));
        }

        if (ByteSize >= 0 && planned.ByteSize >= 0 && ByteSize != planned.ByteSize)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{ByteSize} bytes here, {planned.ByteSize} planned"));
        }

        if (Version is not null && planned.Version is not null && !string.Equals(Version, planned.Version, StringComparison.Ordinal))
        {
            differences.Add($"version '{Version}' here, '{planned.Version}' planned");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }
}
