using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>StreamAsync yields the same rows as QueryAsync, and row queries do not read partitions they do not need.</summary>
public class StreamingTests
{
    private static InMemoryCatalog Trades()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 8_000, Symbols = 8, BatchRows = 500 });
        return catalog;
    }

    [TestCase("SELECT symbol, count(*) FROM trades GROUP BY symbol ORDER BY symbol")]
    [TestCase("SELECT ts, price FROM trades WHERE volume > 500 ORDER BY price DESC LIMIT 7")]
    [TestCase("SELECT ts, symbol, volume FROM trades WHERE volume < 20")]
    public async Task Stream_YieldsTheSameRowsAsQuery(string sql)
    {
        var engine = TestEngines.Local(Trades(), threads: 2, serialThresholdRows: 0);
        var expected = (await engine.QueryAsync(sql)).Rows().Select(r => string.Join("|", r)).ToList();
        var streamed = new List<string>();
        await foreach (var row in engine.StreamAsync(sql))
        {
            streamed.Add(string.Join("|", row.Values));
        }

        Assert.That(streamed, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task StreamWithLimit_StopsBeforeReadingEveryPartition()
    {
        var catalog = new CountingCatalog(Trades());
        var engine = new Engine.Core.Execution.QueryExecutor(catalog, catalog,
            new Engine.Schedulers.Local.LocalQueryScheduler(new Engine.Schedulers.Local.LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0 }));
        var rows = 0;
        await foreach (var row in engine.StreamAsync("SELECT ts, price FROM trades LIMIT 5"))
        {
            Assert.That(row["price"].IsNull, Is.False);
            rows++;
        }

        Assert.That(rows, Is.EqualTo(5));
        // One scheduler group of 2 of the 8 partitions; a worker whose rows already satisfy the LIMIT skips the other.
        Assert.That(catalog.PartitionsRead, Is.InRange(1, 2));
    }

    [Test]
    public async Task ConsumerThatStopsEarly_LeavesLaterPartitionsUnread()
    {
        var catalog = new CountingCatalog(Trades());
        var engine = new Engine.Core.Execution.QueryExecutor(catalog, catalog,
            new Engine.Schedulers.Local.LocalQueryScheduler(new Engine.Schedulers.Local.LocalSchedulerOptions { MaxThreads = 1 }));
        await foreach (var row in engine.StreamAsync("SELECT ts FROM trades"))
        {
            Assert.That(row.Values, Has.Count.EqualTo(1));
            break;
        }

        Assert.That(catalog.PartitionsRead, Is.EqualTo(1));
    }

    private sealed class CountingCatalog(InMemoryCatalog inner) : ITableCatalog, IPartitionReader
    {
        private readonly HashSet<string> _read = [];

        public int PartitionsRead
        {
            get
            {
                lock (_read)
                {
                    return _read.Count;
                }
            }
        }

        public IReadOnlyList<string> TableNames => inner.TableNames;

        public bool TryGetTable(string name, out TableInfo table) => inner.TryGetTable(name, out table!);

        public IAsyncEnumerable<Engine.Core.Columns.ColumnBatch> ReadAsync(PartitionScan scan, CancellationToken cancellationToken)
        {
            lock (_read)
            {
                _read.Add(scan.PartitionId);
            }

            return inner.ReadAsync(scan, cancellationToken);
        }
    }
}
