using Engine.Core.Columns;

namespace Engine.Core.Execution.Kernels;

/// <summary>Validity bitmaps of kernel results, rebased to row 0 of a dense output.</summary>
internal static class Validity
{
    /// <summary>A bitmap with the NULLs of <paramref name="column"/> from row 0, or null when it has none.</summary>
    public static byte[]? Copy(Column column)
    {
        if (!column.HasNulls)
        {
            return null;
        }

        var validity = ValidityBitmap.Create(column.Length, allValid: true);
        for (var i = 0; i < column.Length; i++)
        {
            if (column.IsNull(i))
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return validity;
    }

    /// <summary>A bitmap that is NULL where any of the columns is, or null when none has NULLs.</summary>
    public static byte[]? Combine(Column left, Column right)
    {
        if (!left.HasNulls && !right.HasNulls)
        {
            return null;
        }

        var validity = ValidityBitmap.Create(left.Length, allValid: true);
        for (var i = 0; i < left.Length; i++)
        {
            if (left.IsNull(i) || right.IsNull(i))
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return validity;
    }
}
