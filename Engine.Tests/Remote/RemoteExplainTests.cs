using Engine.Core.Catalog;
using Engine.Core.Generators;

namespace Engine.Tests.Remote;

/// <summary>EXPLAIN ANALYZE with the remote scheduler says which worker ran which fragment, on which attempt, in how long.</summary>
[NonParallelizable]
public sealed class RemoteExplainTests
{
    [Test]
    public async Task ExplainAnalyze_NamesTheWorkerAttemptAndTimeOfEveryFragment()
    {
        const string Data = "gen:trades:rows=3000:symbols=3";
        var secretFile = RemoteTestSupport.WriteSecretFile();
        try
        {
            using var worker = await WorkerProcess.StartAsync(secretFile, 1, Data);
            using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);
            var catalog = new InMemoryCatalog();
            TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 3000, Symbols = 3 });

            var text = await RemoteTestSupport.Engine(catalog, scheduler).ExplainAnalyzeAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol");

            foreach (var fragment in new[] { 0, 1, 2 })
            {
                Assert.That(text, Does.Match($@"fragment {fragment}: \S+ \({worker.Address}\), attempt 1 of \d+, [\d.]+ ms"));
            }
        }
        finally
        {
            File.Delete(secretFile);
        }
    }
}
