using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>Computes one value of a text function from its arguments (none NULL when the function is strict).</summary>
internal delegate ScalarValue TextOperation(ReadOnlySpan<ScalarValue> arguments);

/// <summary>
/// The kernel the text functions share. When every argument but one is a constant and that one is a
/// VARCHAR, the function runs once per dictionary entry of that argument and the rows only map codes: a
/// VARCHAR result keeps the codes under a new dictionary, a BOOLEAN or BIGINT result is looked up by code.
/// The per-entry results of the last dictionary are kept, so the morsels of one column chunk (which share a
/// dictionary) compute them once. Other calls run once per row. Immutable apart from that cache, whose
/// entries are published whole; safe on many threads.
/// </summary>
internal sealed class TextKernel : ScalarKernel
{
    /// <summary>A TRUE result in <see cref="TruthFor"/>.</summary>
    public const byte True = 1;

    /// <summary>A FALSE result in <see cref="TruthFor"/>.</summary>
    public const byte False = 0;

    /// <summary>A NULL result in <see cref="TruthFor"/>.</summary>
    public const byte Unknown = 2;

    private readonly TextOperation _operation;
    private readonly bool _strict;
    private readonly ScalarValue[] _constants;
    private readonly bool[] _isConstant;
    private readonly int _varying;
    private EntryResults? _cache;

    /// <summary>
    /// A kernel over the (already cast) arguments of <paramref name="context"/>. A strict function gives NULL
    /// when any argument is NULL without calling <paramref name="operation"/>; a lenient one (concat) sees the NULLs.
    /// </summary>
    public TextKernel(DataType resultType, ScalarBindContext context, TextOperation operation, bool strict = true)
        : base(resultType)
    {
        _operation = operation;
        _strict = strict;
        _constants = new ScalarValue[context.Count];
        _isConstant = new bool[context.Count];
        _varying = -1;
        var varyingCount = 0;
        for (var i = 0; i < context.Count; i++)
        {
            _isConstant[i] = context.TryGetConstant(i, out _constants[i]);
            if (!_isConstant[i])
            {
                varyingCount++;
                _varying = context.TypeOf(i) == DataType.String ? i : -1;
            }
        }

        if (varyingCount != 1)
        {
            _varying = -1;
        }

        AllConstant = varyingCount == 0;
    }

    /// <summary>True when no argument needs evaluating.</summary>
    public bool AllConstant { get; }

    /// <summary>The index of the only argument that is not a constant, when it is a VARCHAR; -1 otherwise.</summary>
    public int DictionaryArgument => _varying;

    /// <inheritdoc />
    public override Column Evaluate(ScalarArguments arguments)
    {
        var rows = arguments.RowCount;
        if (AllConstant)
        {
            return ConstantColumn.Broadcast(Compute(_constants), rows);
        }

        if (_varying >= 0)
        {
            var strings = (StringColumn)arguments.Evaluate(_varying);
            if (PerEntryPays(strings.Dictionary.Count, rows))
            {
                return MapCodes(strings, ResultsFor(strings.Dictionary));
            }

            return PerRow(arguments, strings);
        }

        return PerRow(arguments, null);
    }

    /// <summary>
    /// For a BOOLEAN kernel: per entry of <paramref name="dictionary"/>, the result when the dictionary
    /// argument takes that entry: <see cref="True"/>, <see cref="False"/> or <see cref="Unknown"/> (NULL).
    /// Computed once per dictionary.
    /// </summary>
    public ReadOnlySpan<byte> TruthFor(IReadOnlyList<string> dictionary) => ResultsFor(dictionary).Truth;

    /// <summary>The result when the dictionary argument is <paramref name="value"/> (the other arguments being the constants).</summary>
    public ScalarValue ComputeFor(ScalarValue value)
    {
        var arguments = (ScalarValue[])_constants.Clone();
        arguments[_varying] = value;
        return Compute(arguments);
    }

    /// <summary>Whether evaluating every dictionary entry costs less than evaluating each row.</summary>
    public static bool PerEntryPays(int entries, int rows) => entries <= Math.Max(rows, 1024);

    private ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments)
    {
        if (_strict)
        {
            foreach (var argument in arguments)
            {
                if (argument.IsNull)
                {
                    return ScalarValue.Null(ResultType);
                }
            }
        }

        return _operation(arguments);
    }

    private EntryResults ResultsFor(IReadOnlyList<string> dictionary)
    {
        var cached = Volatile.Read(ref _cache);
        if (cached is not null && ReferenceEquals(cached.Dictionary, dictionary))
        {
            return cached;
        }

        var arguments = (ScalarValue[])_constants.Clone();
        var values = new ScalarValue[dictionary.Count];
        var truth = ResultType == DataType.Bool ? new byte[dictionary.Count] : [];
        for (var entry = 0; entry < values.Length; entry++)
        {
            arguments[_varying] = ScalarValue.FromString(dictionary[entry]);
            values[entry] = Compute(arguments);
            if (truth.Length > 0)
            {
                truth[entry] = values[entry].IsNull ? Unknown : values[entry].BoolValue ? True : False;
            }
        }

        arguments[_varying] = ScalarValue.Null(DataType.String);
        var results = new EntryResults(dictionary, values, truth, Compute(arguments));
        Volatile.Write(ref _cache, results);
        return results;
    }

    // A NULL row takes the result for a NULL argument: NULL for a strict function, a value for concat.
    private Column MapCodes(StringColumn strings, EntryResults results)
    {
        var codes = strings.Codes;
        var count = codes.Length;
        var values = results.Values;
        var nullCode = values.Length;
        byte[]? validity = null;
        var mapped = new int[count];
        for (var i = 0; i < count; i++)
        {
            var code = strings.IsNull(i) ? nullCode : codes[i];
            mapped[i] = code;
            if (code == nullCode ? results.NullInput.IsNull : values[code].IsNull)
            {
                validity ??= ValidityBitmap.Create(count, allValid: true);
                ValidityBitmap.Set(validity, i, false);
                mapped[i] = 0;
            }
        }

        switch (ResultType.Physical)
        {
            case PhysicalKind.String:
            {
                var nullEntry = strings.HasNulls && !results.NullInput.IsNull;
                var dictionary = new string[Math.Max(values.Length + (nullEntry ? 1 : 0), 1)];
                dictionary[0] = string.Empty;
                for (var entry = 0; entry < values.Length; entry++)
                {
                    dictionary[entry] = values[entry].IsNull ? string.Empty : values[entry].StringValue;
                }

                if (nullEntry)
                {
                    dictionary[nullCode] = results.NullInput.StringValue;
                }

                return new StringColumn(mapped, 0, count, dictionary, validity);
            }

            case PhysicalKind.Bool:
            {
                var truth = results.Truth;
                var nullTruth = results.NullInput is { IsNull: false, BoolValue: true };
                var bits = new byte[ValidityBitmap.ByteCount(count)];
                for (var i = 0; i < count; i++)
                {
                    if (strings.IsNull(i) ? nullTruth : truth[codes[i]] == True)
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                return new BoolColumn(bits, count, validity);
            }

            default:
            {
                var numbers = new long[count];
                for (var i = 0; i < count; i++)
                {
                    var value = strings.IsNull(i) ? results.NullInput : values[codes[i]];
                    numbers[i] = value.IsNull ? 0 : value.Int64Value;
                }

                return new Int64Column(numbers, validity, ResultType);
            }
        }
    }

    private Column PerRow(ScalarArguments arguments, StringColumn? evaluated)
    {
        var columns = new Column?[_constants.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _isConstant[i] ? null : i == _varying && evaluated is not null ? evaluated : arguments.Evaluate(i);
        }

        var rows = arguments.RowCount;
        var row = (ScalarValue[])_constants.Clone();
        var builder = new ColumnBuilder(ResultType, rows);
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i] is { } column)
                {
                    row[i] = column.GetScalar(r);
                }
            }

            builder.Append(Compute(row));
        }

        return builder.Build();
    }

    private sealed record EntryResults(IReadOnlyList<string> Dictionary, ScalarValue[] Values, byte[] Truth, ScalarValue NullInput);
}
