using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>isnan, isinf, isfinite and pi, as DuckDB 1.5 answers them.</summary>
public sealed class ClassificationTests
{
    [Test]
    public async Task IsNan_IsTrueOnlyForNaN() =>
        Assert.That(await MathQuery.OverEdgeAsync("isnan(d)"), Is.EqualTo("BOOLEAN: false|true|NULL|false|false|false|false"));

    [Test]
    public async Task IsInf_IsTrueForBothInfinities() =>
        Assert.That(await MathQuery.OverEdgeAsync("isinf(d)"), Is.EqualTo("BOOLEAN: false|false|NULL|true|true|false|false"));

    [Test]
    public async Task IsFinite_IsFalseForNaNAndInfinities() =>
        Assert.That(await MathQuery.OverEdgeAsync("isfinite(d)"), Is.EqualTo("BOOLEAN: true|false|NULL|false|false|true|true"));

    [Test]
    public async Task ClassificationOfBigints_IsFiniteAndNeverNaN() =>
        Assert.That(await MathQuery.OverEdgeAsync("isnan(i) OR isinf(i) OR NOT isfinite(i)"), Is.EqualTo("BOOLEAN: false|false|false|NULL|false|false|false"));

    [Test]
    public async Task ClassificationOfNull_IsNull() =>
        Assert.That(await MathQuery.RowAsync("isnan(NULL), isinf(NULL), isfinite(NULL)"), Is.EqualTo("BOOLEAN NULL, BOOLEAN NULL, BOOLEAN NULL"));

    [Test]
    public async Task ClassificationOfTimestamps_IsFinite() =>
        Assert.That(await MathQuery.OverEdgeAsync("isinf(t) OR NOT isfinite(t)"), Is.EqualTo("BOOLEAN: false|NULL|false|false|false|false|false"));

    [Test]
    public void IsNanOfATimestamp_IsABindError() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("isnan(t)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("isnan() needs a number, got TIMESTAMP"));

    [Test]
    public void IsInfOfText_IsABindError() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("isinf(s)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("isinf() needs a number, got VARCHAR"));

    [Test]
    public async Task Pi_IsADoubleConstant() =>
        Assert.That(await MathQuery.RowAsync("pi(), round(pi(), 4)"), Is.EqualTo("DOUBLE 3.141592653589793, DOUBLE 3.1416"));

    [Test]
    public async Task Pi_FoldsBeforePlanning()
    {
        var plan = await MathQuery.Engine.PlanAsync("SELECT count(*) FROM edge WHERE d > pi() * 2");
        Assert.That(plan.Query.Plan.ScanFilter!.ToString(), Does.Contain("6.283185307179586"));
    }

    [Test]
    public void PiWithAnArgument_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("pi(1)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("pi() takes 0 argument(s), got 1"));
}
