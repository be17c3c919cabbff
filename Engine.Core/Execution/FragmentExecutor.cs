using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Pipelines;
using Engine.Core.Planning;

namespace Engine.Core.Execution;

/// <summary>
/// Runs the pipeline of a <see cref="QueryFragment"/> against an <see cref="IPartitionReader"/>: reads the
/// scans batch by batch, cuts batches into morsels, pushes each morsel through the plan's streaming
/// operators and into its sink. Safe to use from many threads; each session has its own state.
/// </summary>
public sealed class FragmentExecutor
{
    /// <summary>Rows processed at a time within a batch, so per-morsel buffers stay cache-sized.</summary>
    public const int MorselRows = 64 * 1024;

    private readonly IPartitionReader _reader;

    /// <summary>Creates an executor that reads through <paramref name="reader"/>.</summary>
    public FragmentExecutor(IPartitionReader reader)
    {
        _reader = reader;
    }

    /// <summary>Executes <paramref name="fragment"/>; stops promptly when <paramref name="cancellationToken"/> fires.</summary>
    public async ValueTask<PartialResult> ExecuteAsync(QueryFragment fragment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        using var session = Begin(fragment.Plan);
        await session.AddAsync(fragment, cancellationToken).ConfigureAwait(false);
        return session.ToPartial();
    }

    /// <summary>
    /// Starts worker-local state for fragments of <paramref name="plan"/>: a worker adds every fragment it runs
    /// to one session and exports one partial at the end, instead of a partial per fragment merged afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The plan has an operator that cannot run inside a fragment.</exception>
    public Session Begin(FragmentPlan plan) => new(_reader, plan);

    /// <summary>
    /// The state one worker accumulates over the fragments it runs (all of one plan): its operators' scratch
    /// state and its sink's state. Not thread-safe; dispose it to release its pooled buffers.
    /// </summary>
    public sealed class Session : IDisposable
    {
        private readonly IPartitionReader _reader;
        private readonly FragmentPlan _plan;
        private readonly string[] _columns;
        private readonly Schema _scanSchema;
        private readonly OperatorState[] _operators;
        private readonly SinkState _sink;
        private long _rowsScanned;

        internal Session(IPartitionReader reader, FragmentPlan plan)
        {
            ArgumentNullException.ThrowIfNull(plan);
            _reader = reader;
            _plan = plan;
            _columns = [.. plan.ScanFields.Select(f => f.Name)];
            _scanSchema = new Schema(plan.ScanFields);
            _operators = new OperatorState[plan.Operators.Count];
            for (var i = 0; i < _operators.Length; i++)
            {
                _operators[i] = plan.Operators[i].CreateState()
                    ?? throw new ArgumentException($"The {plan.Operators[i].Name} operator cannot run inside a fragment.", nameof(plan));
            }

            _sink = plan.Sink.CreateState();
        }

        /// <summary>Reads and processes <paramref name="fragment"/>, whose plan must be the session's.</summary>
        /// <exception cref="ArgumentException">The fragment's plan is another one.</exception>
        public async ValueTask AddAsync(QueryFragment fragment, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(fragment);
            if (!ReferenceEquals(fragment.Plan, _plan) && !fragment.Plan.Equals(_plan))
            {
                throw new ArgumentException("A session only takes fragments of the plan it was started with.", nameof(fragment));
            }

            if (_sink.IsSatisfied)
            {
                return;
            }

            long rowsScanned = 0;
            foreach (var scan in fragment.Scans)
            {
                var request = scan with { Columns = _columns };
                await foreach (var batch in _reader.ReadAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var typed = new ColumnBatch(_scanSchema, batch.Columns, batch.RowCount);
                    rowsScanned += batch.RowCount;
                    for (var start = 0; start < typed.RowCount && !_sink.IsSatisfied; start += MorselRows)
                    {
                        var morsel = start == 0 && typed.RowCount <= MorselRows ? typed : typed.Slice(start, Math.Min(MorselRows, typed.RowCount - start));
                        Push(morsel);
                    }

                    if (_sink.IsSatisfied)
                    {
                        break;
                    }
                }

                if (_sink.IsSatisfied)
                {
                    break;
                }
            }

            _rowsScanned += rowsScanned;
        }

        /// <summary>The partial result of every fragment added so far.</summary>
        public PartialResult ToPartial() => _sink.Combine(_rowsScanned);

        /// <inheritdoc />
        public void Dispose() => _sink.Dispose();

        private void Push(ColumnBatch morsel)
        {
            var chunk = Chunk.Of(morsel);
            foreach (var step in _operators)
            {
                if (!step.Push(ref chunk))
                {
                    return;
                }
            }

            _sink.Sink(chunk);
        }
    }
}
