using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Scheduling;
using Engine.Schedulers.Remote.Coordinator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Remote;

/// <summary>AddRemoteQueryScheduler: settings are read and validated at start-up, and errors name the key.</summary>
public sealed class RemoteSchedulerConfigurationTests
{
    private static IConfigurationSection Engine(params (string Key, string Value)[] settings)
    {
        var values = settings.Select(s => new KeyValuePair<string, string?>("Engine:Scheduler:" + s.Key, s.Value)).Append(new("Engine:Scheduler:Kind", "Remote"));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Engine");
    }

    private static void AssertRejected(string key, string problem, params (string Key, string Value)[] settings)
    {
        var section = Engine(settings);
        Assert.That(() => new ServiceCollection().AddEngine(section).AddRemoteQueryScheduler(section),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo(key).And.Message.Contains(problem));
    }

    [Test]
    public void ValidSettings_ResolveTheRemoteSchedulerAsTheEnginesScheduler()
    {
        var section = Engine(("Workers:0", "127.0.0.1:7400"), ("Workers:1", "worker-b:7401"), ("AuthSecret", "0123456789abcdef0123"),
            ("FragmentTimeout", "00:00:30"), ("HeartbeatInterval", "1.5"), ("MaxAttempts", "5"));
        using var services = new ServiceCollection().AddEngine(section).AddLocalQueryScheduler(section).AddRemoteQueryScheduler(section).BuildServiceProvider();

        var scheduler = services.GetRequiredService<IQueryScheduler>();

        Assert.That(scheduler, Is.TypeOf<RemoteQueryScheduler>());
        Assert.That(scheduler.WorkerCount, Is.EqualTo(2));
        Assert.That(services.GetRequiredService<IQueryEngine>(), Is.Not.Null);
    }

    [Test]
    public void LocalSchedulerKeysInTheSharedSection_AreAccepted()
    {
        var section = Engine(("Workers:0", "127.0.0.1:7400"), ("AuthSecret", "0123456789abcdef0123"), ("MaxThreads", "2"),
            ("WorkerThreads", "Pool"), ("FragmentsInFlight", "4"), ("ChunkRows", "1000"), ("SerialThresholdRows", "10"));
        using var services = new ServiceCollection().AddEngine(section).AddLocalQueryScheduler(section).AddRemoteQueryScheduler(section).BuildServiceProvider();

        Assert.That(services.GetRequiredService<IQueryScheduler>(), Is.TypeOf<RemoteQueryScheduler>());
    }

    [Test]
    public void CommaSeparatedWorkers_AreParsed()
    {
        var options = RemoteSchedulerServiceCollectionExtensions.ReadOptions(Engine(("Workers", "a:1, [::1]:2")).GetSection("Scheduler"));

        Assert.That(options.Workers, Is.EqualTo(new[] { new WorkerEndpoint("a", 1), new WorkerEndpoint("::1", 2) }));
        Assert.That(options.Workers[1].ToString(), Is.EqualTo("[::1]:2"));
    }

    [Test]
    public void DnsWorkers_AreNamesToResolveBesideTheFixedWorkers()
    {
        var options = RemoteSchedulerServiceCollectionExtensions.ReadOptions(
            Engine(("Workers:0", "dns:workers.engine.svc:7400"), ("Workers:1", "10.0.0.5:7401"), ("WorkerRefreshInterval", "10")).GetSection("Scheduler"));

        Assert.That(options.WorkerNames, Is.EqualTo(new[] { new WorkerEndpoint("workers.engine.svc", 7400) }));
        Assert.That(options.Workers, Is.EqualTo(new[] { new WorkerEndpoint("10.0.0.5", 7401) }));
        Assert.That(options.WorkerRefreshInterval, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void DnsWorkerWithoutPort_NamesTheWorkersKey() =>
        AssertRejected("Engine:Scheduler:Workers", "'workers.engine.svc' is not host:port", ("Workers:0", "dns:workers.engine.svc"));

    [Test]
    public void NegativeRefreshInterval_NamesItsKey() =>
        AssertRejected("Engine:Scheduler:WorkerRefreshInterval", "from zero to one day", ("Workers:0", "dns:w:1"), ("WorkerRefreshInterval", "-5"));

    [Test]
    public void NoWorkers_NamesTheWorkersKey() =>
        AssertRejected("Engine:Scheduler:Workers", "at least one worker");

    [Test]
    public void WorkerWithoutPort_NamesTheWorkersKey() =>
        AssertRejected("Engine:Scheduler:Workers", "'host-only' is not host:port", ("Workers:0", "host-only"));

    [Test]
    public void WorkerWithABadPort_NamesTheWorkersKey() =>
        AssertRejected("Engine:Scheduler:Workers", "port between 1 and 65535", ("Workers:0", "h:70000"));

    [Test]
    public void ZeroAttempts_NamesMaxAttempts() =>
        AssertRejected("Engine:Scheduler:MaxAttempts", "at least 1", ("Workers:0", "h:1"), ("MaxAttempts", "0"));

    [Test]
    public void BadDuration_NamesTheKey() =>
        AssertRejected("Engine:Scheduler:FragmentTimeout", "'soon' is not a duration", ("Workers:0", "h:1"), ("FragmentTimeout", "soon"));

    [Test]
    public void NegativeHeartbeat_NamesTheKey() =>
        AssertRejected("Engine:Scheduler:HeartbeatInterval", "positive duration", ("Workers:0", "h:1"), ("HeartbeatInterval", "-1"));

    [Test]
    public void BothSecretSettings_NamesSecretFile() =>
        AssertRejected("Engine:Scheduler:SecretFile", "either AuthSecret or SecretFile", ("Workers:0", "h:1"), ("AuthSecret", "0123456789abcdef0123"), ("SecretFile", "/x"));

    [Test]
    public void ShortSecret_NamesAuthSecretWithoutShowingIt()
    {
        var section = Engine(("Workers:0", "h:1"), ("AuthSecret", "tiny-secret"));

        Assert.That(() => new ServiceCollection().AddRemoteQueryScheduler(section),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("'Engine:Scheduler:AuthSecret'").And.Message.Not.Contains("tiny-secret"));
    }

    [Test]
    public void MissingSecretFile_NamesSecretFile() =>
        AssertRejected("Engine:Scheduler:SecretFile", "cannot read the secret file", ("Workers:0", "h:1"), ("SecretFile", "/no/such/secret-file"));

    [Test]
    public void UnknownSetting_FailsWhenTheSchedulerIsResolvedNamingIt()
    {
        var section = Engine(("Workers:0", "h:1"), ("AuthSecret", "0123456789abcdef0123"), ("Wrokers", "h:1"));
        using var services = new ServiceCollection().AddEngine(section).AddLocalQueryScheduler(section).AddRemoteQueryScheduler(section).BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IQueryScheduler>(),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("Engine:Scheduler:Wrokers").And.Message.Contains("unknown setting"));
    }
}
