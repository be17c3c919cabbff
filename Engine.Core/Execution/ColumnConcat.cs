using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>Concatenates batches of one schema into one batch; strings get a merged dictionary.</summary>
internal static class ColumnConcat
{
    /// <summary>One batch holding the rows of all <paramref name="batches"/> in order.</summary>
    public static ColumnBatch Concat(Schema schema, IReadOnlyList<ColumnBatch> batches)
    {
        if (batches.Count == 1)
        {
            return batches[0];
        }

        var total = 0;
        foreach (var batch in batches)
        {
            total = checked(total + batch.RowCount);
        }

        var columns = new Column[schema.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var parts = new Column[batches.Count];
            for (var b = 0; b < parts.Length; b++)
            {
                parts[b] = batches[b].Columns[c];
            }

            columns[c] = Concat(schema[c].Type, parts, total);
        }

        return new ColumnBatch(schema, columns, total);
    }

    private static Column Concat(DataType type, Column[] parts, int total)
    {
        byte[]? validity = null;
        var offset = 0;
        foreach (var part in parts)
        {
            if (part.HasNulls)
            {
                validity ??= ValidityBitmap.Create(total, allValid: true);
                for (var i = 0; i < part.Length; i++)
                {
                    if (part.IsNull(i))
                    {
                        ValidityBitmap.Set(validity, offset + i, false);
                    }
                }
            }

            offset += part.Length;
        }

        offset = 0;
        switch (type.Physical)
        {
            case PhysicalKind.Int64:
            {
                var values = new long[total];
                foreach (var part in parts)
                {
                    ((Int64Column)part).Values.CopyTo(values.AsSpan(offset));
                    offset += part.Length;
                }

                return new Int64Column(values, validity, type);
            }

            case PhysicalKind.Double:
            {
                var values = new double[total];
                foreach (var part in parts)
                {
                    ((DoubleColumn)part).Values.CopyTo(values.AsSpan(offset));
                    offset += part.Length;
                }

                return new DoubleColumn(values, validity);
            }

            case PhysicalKind.Bool:
            {
                var bits = new byte[ValidityBitmap.ByteCount(total)];
                foreach (var part in parts)
                {
                    var bools = (BoolColumn)part;
                    for (var i = 0; i < part.Length; i++)
                    {
                        if (bools.GetValue(i))
                        {
                            ValidityBitmap.Set(bits, offset + i, true);
                        }
                    }

                    offset += part.Length;
                }

                return new BoolColumn(bits, total, validity);
            }

            default:
            {
                var codes = new int[total];
                var dictionary = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var part in parts)
                {
                    var strings = (StringColumn)part;
                    var remap = new int[strings.Dictionary.Count];
                    for (var code = 0; code < remap.Length; code++)
                    {
                        var text = strings.Dictionary[code];
                        if (!index.TryGetValue(text, out var merged))
                        {
                            merged = dictionary.Count;
                            dictionary.Add(text);
                            index.Add(text, merged);
                        }

                        remap[code] = merged;
                    }

                    var source = strings.Codes;
                    for (var i = 0; i < source.Length; i++)
                    {
                        codes[offset + i] = strings.IsNull(i) ? 0 : remap[source[i]];
                    }

                    offset += part.Length;
                }

                return new StringColumn(codes, 0, total, [.. dictionary], validity);
            }
        }
    }
}
