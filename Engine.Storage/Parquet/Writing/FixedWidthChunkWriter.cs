using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engine.Core.Columns;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// The PLAIN encoding shared by 8-byte numeric columns (INT64 and DOUBLE): the non-NULL values stored densely
/// and written as little-endian bytes. Subclasses give the column's values and their statistics rules.
/// </summary>
/// <typeparam name="T">The stored value type (long or double).</typeparam>
internal abstract class FixedWidthChunkWriter<T>(Field field) : ColumnChunkWriter(field)
    where T : unmanaged
{
    private T[] _values = [];

    /// <summary>The values appended so far (NULLs left out).</summary>
    protected ReadOnlySpan<T> Values(int start, int count) => _values.AsSpan(start, count);

    /// <summary>All rows of <paramref name="column"/>'s values, NULL slots included.</summary>
    protected abstract ReadOnlySpan<T> ValuesOf(Column column);

    /// <inheritdoc />
    protected sealed override void AppendValues(Column column, int start, int count)
    {
        EnsureCapacity(ref _values, checked(start + count));
        var source = ValuesOf(column);
        var destination = _values.AsSpan(start, count);
        if (count == source.Length)
        {
            source.CopyTo(destination);
            return;
        }

        var validity = column.Validity!;
        var offset = column.Offset;
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (ValidityBitmap.Get(validity, offset + i))
            {
                destination[written++] = source[i];
            }
        }
    }

    /// <inheritdoc />
    protected sealed override int CountValuesForPage(int start, int pageBytes) => pageBytes / Unsafe.SizeOf<T>();

    /// <inheritdoc />
    protected sealed override void EncodeValues(int start, int count, ArrayBufferWriter<byte> body)
    {
        var bytes = MemoryMarshal.AsBytes(_values.AsSpan(start, count));
        var span = body.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        if (!BitConverter.IsLittleEndian)
        {
            // PLAIN is little-endian (parquet-format Encodings.md): swap each value's bytes on big-endian hosts.
            for (var i = 0; i < bytes.Length; i += Unsafe.SizeOf<T>())
            {
                span.Slice(i, Unsafe.SizeOf<T>()).Reverse();
            }
        }

        body.Advance(bytes.Length);
    }
}
