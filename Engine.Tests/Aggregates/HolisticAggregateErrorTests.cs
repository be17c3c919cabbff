using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>Misuses of the quantile, mode, string_agg and co-moment aggregates fail with a typed error that says what and where.</summary>
public sealed class HolisticAggregateErrorTests
{
    private static Task<QueryResult> Run(string sql) => TestEngines.Local(TestTables.SmallTrades()).QueryAsync(sql);

    [Test]
    public void QuantileFraction_AboveOne_IsABindErrorAtTheFraction()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_cont(price, 1.5) FROM trades"));
        Assert.That(error!.Message, Does.Contain("the fraction of quantile_cont() must be between -1 and 1, got 1.5"));
        Assert.That(error.Column, Is.EqualTo(29));
    }

    [Test]
    public void QuantileFraction_BelowMinusOne_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_disc(price, -2) FROM trades"));
        Assert.That(error!.Message, Does.Contain("must be between -1 and 1, got -2"));
    }

    [Test]
    public void QuantileFraction_ThatIsAColumn_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_disc(price, price) FROM trades"));
        Assert.That(error!.Message, Does.Contain("quantile_disc() takes a constant fraction"));
    }

    [Test]
    public void QuantileFraction_Null_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_cont(price, NULL) FROM trades"));
        Assert.That(error!.Message, Does.Contain("the fraction of quantile_cont() must not be NULL"));
    }

    [Test]
    public void QuantileFraction_ThatIsText_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_cont(price, 'half') FROM trades"));
        Assert.That(error!.Message, Does.Contain("the fraction of quantile_cont() must be a number, got VARCHAR"));
    }

    [Test]
    public void QuantileCont_OfText_IsABindErrorPointingToQuantileDisc()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_cont(symbol, 0.5) FROM trades"));
        Assert.That(error!.Message, Does.Contain("quantile_cont() interpolates BIGINT, DOUBLE or TIMESTAMP values, got VARCHAR").And.Contain("quantile_disc()"));
    }

    [Test]
    public void Quantile_WithoutAFraction_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT quantile_disc(price) FROM trades"));
        Assert.That(error!.Message, Does.Contain("quantile_disc() takes 2 argument(s), got 1"));
    }

    [Test]
    public void QuantileFraction_AsAList_IsUnsupportedAndNamesListLiterals()
    {
        var error = Assert.ThrowsAsync<UnsupportedFeatureException>(() => Run("SELECT quantile_cont(price, [0.25, 0.5]) FROM trades"));
        Assert.That(error!.Message, Does.Contain("list literals"));
    }

    [Test]
    public void PercentileContWithinGroup_IsUnsupportedAndNamesTheConstruct()
    {
        var error = Assert.ThrowsAsync<UnsupportedFeatureException>(() => Run("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY price) FROM trades"));
        Assert.That(error!.Message, Does.Contain("WITHIN GROUP"));
    }

    [Test]
    public void Median_WithTwoArguments_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT median(price, 0.5) FROM trades"));
        Assert.That(error!.Message, Does.Contain("median() takes 1 argument(s), got 2"));
    }

    [Test]
    public void Covariance_OfText_IsABindErrorAtTheArgument()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT covar_pop(price, symbol) FROM trades"));
        Assert.That(error!.Message, Does.Contain("covar_pop() needs a numeric argument (BIGINT or DOUBLE), got VARCHAR"));
        Assert.That(error.Column, Is.EqualTo(25));
    }

    [Test]
    public void Correlation_WithOneArgument_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT corr(price) FROM trades"));
        Assert.That(error!.Message, Does.Contain("corr() takes 2 argument(s), got 1"));
    }

    [Test]
    public void Correlation_OfAnInfiniteValue_FailsTheQueryAsDuckDbDoes()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => Run("SELECT corr(price, CASE WHEN volume > 50 THEN 'inf'::DOUBLE ELSE 1.0 END) FROM trades"));
        Assert.That(error!.Message, Does.Contain("STDDEV_POP for X is out of range"));
    }

    [Test]
    public void StringAggSeparator_ThatIsAColumn_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT string_agg(symbol, symbol) FROM trades"));
        Assert.That(error!.Message, Does.Contain("the separator of string_agg() must be a constant"));
    }

    [Test]
    public void StringAggSeparator_ThatIsANumber_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT string_agg(symbol, 1) FROM trades"));
        Assert.That(error!.Message, Does.Contain("the separator of string_agg() must be VARCHAR, got BIGINT"));
    }

    [Test]
    public void StringAgg_OrderByInsideTheCall_IsUnsupportedAndNamesTheConstruct()
    {
        var error = Assert.ThrowsAsync<UnsupportedFeatureException>(() => Run("SELECT string_agg(symbol, ',' ORDER BY ts) FROM trades"));
        Assert.That(error!.Message, Does.Contain("ORDER BY inside string_agg"));
    }

    [Test]
    public void Mode_WithTwoArguments_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT mode(price, volume) FROM trades"));
        Assert.That(error!.Message, Does.Contain("mode() takes 1 argument(s), got 2"));
    }

    [Test]
    public void ApproxCountDistinct_WithTwoArguments_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT approx_count_distinct(price, volume) FROM trades"));
        Assert.That(error!.Message, Does.Contain("approx_count_distinct() takes 1 argument(s), got 2"));
    }
}
