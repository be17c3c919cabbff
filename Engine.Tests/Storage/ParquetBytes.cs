using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>The footer of a Parquet file held in memory, decoded and located, for tests that edit files in place.</summary>
internal static class ParquetBytes
{
    /// <summary>Where the footer starts and how long it is.</summary>
    public static (int Start, int Length) FooterRange(byte[] file)
    {
        var length = BitConverter.ToInt32(file, file.Length - 8);
        return (file.Length - 8 - length, length);
    }

    /// <summary>The decoded footer.</summary>
    public static FileMetaData Footer(byte[] file)
    {
        var (start, length) = FooterRange(file);
        var reader = new ThriftCompactReader(file.AsSpan(start, length), "file", start);
        return MetadataDecoder.ReadFileMetaData(ref reader);
    }

    /// <summary>Every integer and binary field of the footer, by path (see <see cref="ThriftFields"/>).</summary>
    public static List<ThriftFields.Location> FooterFields(byte[] file)
    {
        var (start, length) = FooterRange(file);
        return ThriftFields.Find(file, start, length);
    }
}
