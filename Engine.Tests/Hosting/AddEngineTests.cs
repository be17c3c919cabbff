using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Schedulers.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Hosting;

public class AddEngineTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection("Engine");

    private static ServiceProvider Build(IConfigurationSection section, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddEngine(section).AddLocalQueryScheduler(section);
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task AddEngine_WithDefaults_AnswersQueriesWithTheLocalScheduler()
    {
        using var provider = Build(Section());
        TradesGenerator.RegisterTrades(provider.GetRequiredService<InMemoryCatalog>(), new TradesOptions { Rows = 1_000, Symbols = 2 });
        var engine = provider.GetRequiredService<IQueryEngine>();
        var result = await engine.QueryAsync("SELECT count(*) FROM trades");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1_000));
        Assert.That(result.Statistics.SchedulerKind, Is.EqualTo("local"));
    }

    [Test]
    public async Task HostsTimeProvider_IsTheClockNowReads()
    {
        var instant = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        using var provider = Build(Section(), services => services.AddSingleton<TimeProvider>(new Functions.Time.SteppingClock(instant, TimeSpan.Zero)));
        var result = await provider.GetRequiredService<IQueryEngine>().QueryAsync("SELECT now()");
        Assert.That(result.GetValue(0, 0).ToString(), Is.EqualTo("2024-05-06T07:08:09Z"));
    }

    [Test]
    public async Task SchedulerKind_SelectsARegisteredPluginWithoutCodeChanges()
    {
        using var provider = Build(Section(("Engine:Scheduler:Kind", "Counting")), s => s.AddQueryScheduler<CountingScheduler>("counting"));
        TradesGenerator.RegisterTrades(provider.GetRequiredService<InMemoryCatalog>(), new TradesOptions { Rows = 1_000, Symbols = 3 });
        var result = await provider.GetRequiredService<IQueryEngine>().QueryAsync("SELECT count(*) FROM trades");
        var plugin = (CountingScheduler)provider.GetRequiredKeyedService<IQueryScheduler>("counting");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1_000));
        Assert.That(plugin.Fragments, Is.EqualTo(3));
        Assert.That(result.Statistics.SchedulerKind, Is.EqualTo("counting"));
    }

    [Test]
    public async Task LocalStorage_ReadsHiveParquetUnderTheRoot()
    {
        var root = Directory.CreateTempSubdirectory("engine-di-").FullName;
        try
        {
            await Engine.Storage.Datasets.GeneratedDatasetWriter.WriteTradesAsync(new Engine.Storage.ObjectStores.FileSystemObjectStore(root), new TradesOptions { Rows = 500, Symbols = 2 });
            var section = Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", root));
            var services = new ServiceCollection();
            services.AddEngine(section).AddEngineStorage(section).AddLocalQueryScheduler(section);
            using var provider = services.BuildServiceProvider();
            var result = await provider.GetRequiredService<IQueryEngine>().QueryAsync("SELECT count(*) FROM trades");
            Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(500));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task AddEngineStorage_BeforeAddEngine_ServesTheConfiguredStorage()
    {
        var root = Directory.CreateTempSubdirectory("engine-di-").FullName;
        try
        {
            await Engine.Storage.Datasets.GeneratedDatasetWriter.WriteTradesAsync(new Engine.Storage.ObjectStores.FileSystemObjectStore(root), new TradesOptions { Rows = 300, Symbols = 2 });
            var section = Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", root));
            var services = new ServiceCollection();
            services.AddEngineStorage(section).AddEngine(section).AddLocalQueryScheduler(section);
            using var provider = services.BuildServiceProvider();
            var result = await provider.GetRequiredService<IQueryEngine>().QueryAsync("SELECT count(*) FROM trades");
            Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(300));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void LocalStorage_ResolvingTheEngine_ReadsNothingFromTheStore()
    {
        var section = Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", Path.GetTempPath()));
        var services = new ServiceCollection();
        services.AddEngine(section).AddEngineStorage(section).AddLocalQueryScheduler(section);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IQueryEngine>();

        Assert.That(provider.GetRequiredService<Engine.Core.Storage.IObjectStore>().Statistics.ListRequests, Is.Zero);
    }

    [Test]
    public void HostsOwnCatalog_WinsOverAddEngineStorage()
    {
        var section = Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", Path.GetTempPath()));
        var mine = new InMemoryCatalog();
        var services = new ServiceCollection();
        services.AddSingleton<ITableCatalog>(mine);
        services.AddEngine(section).AddEngineStorage(section).AddLocalQueryScheduler(section);
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ITableCatalog>(), Is.SameAs(mine));
    }

    [Test]
    public void LocalStorageWithoutRoot_FailsAtStartUpNamingTheRootKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => Build(Section(("Engine:Storage:Kind", "Local"))));
        Assert.That(error!.Message, Does.Contain("'Engine:Storage:Root': a Local store needs the location of the tables"));
    }

    [Test]
    public void LocalStorageWithoutTheStoragePackage_FailsNamingWhatToAdd()
    {
        using var provider = Build(Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", "/tmp")));
        var error = Assert.Throws<ConfigurationException>(() => provider.GetRequiredService<IQueryEngine>());
        Assert.That(error!.Message, Does.Contain("AddEngineStorage"));
    }

    [Test]
    public void BadPrefetchDepth_FailsAtStartUpNamingTheKey()
    {
        var section = Section(("Engine:Storage:Kind", "Local"), ("Engine:Storage:Root", Path.GetTempPath()), ("Engine:Storage:PrefetchDepth", "0"));
        var error = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddEngine(section).AddEngineStorage(section));
        Assert.That(error!.Message, Does.Contain("'Engine:Storage:PrefetchDepth': must be at least 1, got 0"));
    }

    [Test]
    public void S3Storage_KeepsSixteenFragmentsInFlightUnlessConfigured()
    {
        var services = new ServiceCollection();
        services.AddLocalQueryScheduler(Section(("Engine:Storage:Kind", "S3")));
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<LocalSchedulerOptions>().FragmentsInFlight, Is.EqualTo(16));
    }

    [Test]
    public async Task DisposingTheProvider_DisposesTheLocalScheduler()
    {
        var provider = Build(Section(("Engine:Scheduler:MaxThreads", "2"), ("Engine:Scheduler:SerialThresholdRows", "0")));
        TradesGenerator.RegisterTrades(provider.GetRequiredService<InMemoryCatalog>(), new TradesOptions { Rows = 1_000, Symbols = 2 });
        var engine = provider.GetRequiredService<IQueryEngine>();
        await engine.QueryAsync("SELECT count(*) FROM trades");

        await provider.DisposeAsync();

        Assert.That(async () => await engine.QueryAsync("SELECT count(*) FROM trades"), Throws.TypeOf<ObjectDisposedException>(),
            "the scheduler's dedicated threads were stopped with the container");
    }

    [TestCase("dedicated", LocalWorkerThreads.Dedicated)]
    [TestCase("Pool", LocalWorkerThreads.Pool)]
    public void WorkerThreadsSetting_IsReadCaseInsensitively(string text, LocalWorkerThreads expected)
    {
        using var provider = Build(Section(("Engine:Scheduler:WorkerThreads", text)));
        Assert.That(provider.GetRequiredService<LocalSchedulerOptions>().WorkerThreads, Is.EqualTo(expected));
    }

    [Test]
    public void UnknownSchedulerKind_NamesTheKeyAndTheRegisteredOnes()
    {
        using var provider = Build(Section(("Engine:Scheduler:Kind", "Remote")));
        var error = Assert.Throws<ConfigurationException>(() => provider.GetRequiredService<IQueryEngine>());
        Assert.That(error!.Message, Does.Contain("Engine:Scheduler:Kind").And.Contain("'remote' names no registered scheduler; registered: local"));
    }

    [TestCase("Engine:Scheduler:MaxThreads", "-1", "must be 0 (all cores) or positive, got -1")]
    [TestCase("Engine:Scheduler:MaxThreads", "many", "'many' is not a whole number")]
    [TestCase("Engine:Scheduler:SerialThresholdRows", "-5", "must not be negative")]
    [TestCase("Engine:Scheduler:ChunkRows", "0", "must be at least 1")]
    [TestCase("Engine:Scheduler:FragmentsInFlight", "-1", "must be 0 (one per thread) or positive")]
    [TestCase("Engine:Scheduler:WorkerThreads", "Fibers", "'Fibers' is not Pool or Dedicated")]
    [TestCase("Engine:Scheduler:WorkerThreads", "1", "'1' is not Pool or Dedicated")]
    [TestCase("Engine:Storage:Kind", "Tape", "'Tape' is not a storage kind")]
    [TestCase("Engine:Storage:Rot", "x", "unknown setting")]
    public void BadSetting_FailsAtStartUpNamingTheKey(string key, string value, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Build(Section((key, value))));
        Assert.That(error!.Message, Does.Contain($"'{key}'").And.Contain(problem));
    }

    [Test]
    public void MistypedLocalSchedulerSetting_FailsWhenTheSchedulerIsResolvedNamingIt()
    {
        using var provider = Build(Section(("Engine:Scheduler:MaxThread", "2")));

        var error = Assert.Throws<ConfigurationException>(() => provider.GetRequiredService<IQueryEngine>());
        Assert.That(error!.Key, Is.EqualTo("Engine:Scheduler:MaxThread"));
        Assert.That(error.Message, Does.Contain("unknown setting").And.Contain("MaxThreads"));
    }

    [Test]
    public async Task PluginSettings_DeclaredAtRegistration_AreAccepted()
    {
        using var provider = Build(Section(("Engine:Scheduler:Kind", "counting"), ("Engine:Scheduler:Budget", "3")), s => s.AddQueryScheduler<CountingScheduler>("counting", "Budget"));
        TradesGenerator.RegisterTrades(provider.GetRequiredService<InMemoryCatalog>(), new TradesOptions { Rows = 100, Symbols = 1 });

        var result = await provider.GetRequiredService<IQueryEngine>().QueryAsync("SELECT count(*) FROM trades");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(100));
    }

    [Test]
    public void HostsOwnScheduler_RegisteredFirst_Wins()
    {
        var own = new CountingScheduler();
        var section = Section();
        var services = new ServiceCollection();
        services.AddSingleton<IQueryScheduler>(own);
        services.AddEngine(section).AddLocalQueryScheduler(section);
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IQueryScheduler>(), Is.SameAs(own));
    }

    private sealed class CountingScheduler : IQueryScheduler, IDisposable
    {
        private readonly LocalQueryScheduler _inner = new(new LocalSchedulerOptions { MaxThreads = 1 });

        public int Fragments { get; private set; }

        public string Kind => "counting";

        public int WorkerCount => 1;

        public ValueTask<ScatterResult> ScatterAsync(IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
        {
            Fragments += fragments.Count;
            return _inner.ScatterAsync(fragments, context, cancellationToken);
        }

        public void Dispose() => _inner.Dispose();
    }
}
