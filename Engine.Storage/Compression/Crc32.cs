namespace Engine.Storage.Compression;

/// <summary>
/// The CRC-32 checksum of ISO-HDLC / gzip / zlib (reflected polynomial 0xEDB88320, initial and final
/// value 0xFFFFFFFF), which Parquet uses for page checksums. Table-driven, one table per byte of an 8-byte
/// step ("slicing by 8"); System.IO.Hashing is not available to this project.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    /// <summary>Computes the CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = s_table.AsSpan();
        var crc = 0xFFFFFFFFu;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var low = crc ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = table[(7 * 256) + (int)(low & 0xFF)] ^
                  table[(6 * 256) + (int)((low >> 8) & 0xFF)] ^
                  table[(5 * 256) + (int)((low >> 16) & 0xFF)] ^
                  table[(4 * 256) + (int)(low >> 24)] ^
                  table[(3 * 256) + data[i + 4]] ^
                  table[(2 * 256) + data[i + 5]] ^
                  table[256 + data[i + 6]] ^
                  table[data[i + 7]];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(int)((crc ^ data[i]) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
