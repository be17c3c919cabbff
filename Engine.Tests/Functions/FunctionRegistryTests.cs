using Engine.Core.Aggregates.Functions;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Core.Functions.Scalar.Time;
using Engine.Core.Generators;
using Engine.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Functions;

/// <summary>The function registry: built-ins found by themselves, names and aliases, and host functions added through DI.</summary>
public sealed class FunctionRegistryTests
{
    private static IConfigurationSection EmptySection() => new ConfigurationBuilder().Build().GetSection("Engine");

    private static ServiceProvider Host(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddEngine(EmptySection()).AddLocalQueryScheduler(EmptySection());
        register(services);
        var provider = services.BuildServiceProvider();
        TradesGenerator.RegisterTrades(provider.GetRequiredService<InMemoryCatalog>(), new TradesOptions { Rows = 2_000, Symbols = 3 });
        return provider;
    }

    [TestCase("count_star")]
    [TestCase("sum")]
    [TestCase("vwap")]
    [TestCase("arg_min")]
    [TestCase("arg_max")]
    [TestCase("bool_and")]
    [TestCase("bool_or")]
    [TestCase("count_if")]
    public void BuiltIns_IncludeEveryAggregateOfEngineCore(string name) =>
        Assert.That(FunctionRegistry.BuiltIn.TryGetAggregate(name, out _), Is.True);

    [TestCase("+")]
    [TestCase("-")]
    [TestCase("*")]
    [TestCase("/")]
    [TestCase("%")]
    [TestCase("time_bucket")]
    public void BuiltIns_IncludeTheOperatorsAndScalarFunctions(string name) =>
        Assert.That(FunctionRegistry.BuiltIn.TryGetScalar(name, out _), Is.True);

    [Test]
    public void Lookup_IgnoresCaseAndFollowsAliases()
    {
        Assert.That(FunctionRegistry.BuiltIn.TryGetAggregate("MIN_BY", out var minBy), Is.True);
        Assert.That(minBy, Is.TypeOf<ArgMinFunction>());
        Assert.That(FunctionRegistry.BuiltIn.TryGetAggregate("Mean", out var mean), Is.True);
        Assert.That(mean, Is.TypeOf<AvgFunction>());
    }

    [Test]
    public void TwoFunctionsWithOneName_FailNamingTheName()
    {
        var error = Assert.Throws<ConfigurationException>(() => new FunctionRegistry([new TimeBucketFunction()], []));
        Assert.That(error!.Message, Does.Contain("'time_bucket'"));
    }

    [Test]
    public void UnknownFunction_IsABindErrorThatListsTheFunctions()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());
        var error = Assert.ThrowsAsync<QueryBindException>(() => engine.QueryAsync("SELECT approx_percentile(price, 0.5) FROM trades"));
        Assert.That(error!.Message, Does.Contain("Unknown function 'approx_percentile'").And.Contain("time_bucket").And.Contain("arg_max"));
    }

    [Test]
    public async Task HostScalarFunction_AddedThroughDI_IsCallableInQueries()
    {
        using var provider = Host(s => s.AddScalarFunction<ClampToFunction>());
        var engine = provider.GetRequiredService<IQueryEngine>();

        var clamped = await engine.QueryAsync("SELECT min(clamp_to(price, 100, 101)), max(clamp_to(price, 100, 101)) FROM trades");
        var prices = await engine.QueryAsync("SELECT min(price), max(price) FROM trades");

        Assert.That(clamped.GetValue(0, 0).DoubleValue, Is.EqualTo(Math.Clamp(prices.GetValue(0, 0).DoubleValue, 100, 101)));
        Assert.That(clamped.GetValue(0, 1).DoubleValue, Is.EqualTo(Math.Clamp(prices.GetValue(0, 1).DoubleValue, 100, 101)));
    }

    [Test]
    public async Task HostAggregateFunction_AddedThroughDI_IsCallableInQueries()
    {
        using var provider = Host(s => s.AddAggregateFunction<SumOfSquaresFunction>());
        var engine = provider.GetRequiredService<IQueryEngine>();

        var result = await engine.QueryAsync("SELECT symbol, sum_of_squares(volume), sum(volume * volume) FROM trades GROUP BY symbol ORDER BY symbol");

        Assert.That(result.RowCount, Is.EqualTo(3));
        foreach (var row in result.Rows())
        {
            Assert.That(row[1].DoubleValue, Is.EqualTo((double)row[2].Int64Value));
        }
    }

    [Test]
    public void HostFunctionClashingWithABuiltIn_FailsWhenTheEngineIsResolved()
    {
        var services = new ServiceCollection();
        services.AddEngine(EmptySection()).AddLocalQueryScheduler(EmptySection()).AddScalarFunction<TimeBucketFunction>();
        using var clashing = services.BuildServiceProvider();

        Assert.That(() => clashing.GetRequiredService<IQueryEngine>(), Throws.TypeOf<ConfigurationException>().With.Message.Contains("'time_bucket'"));
    }
}
