namespace Engine.Tests.Support;

/// <summary>The function families <see cref="FeatureQueryGenerator"/> draws on beyond the core expressions and clauses.</summary>
[Flags]
public enum FeatureFamilies
{
    /// <summary>CASE, CAST, the conditional functions, clauses and subqueries only.</summary>
    Core = 0,

    /// <summary>abs, sign, round, floor, ceil, trunc, sqrt, greatest, least.</summary>
    Math = 1,

    /// <summary>lower, upper, length, substr, left, right, concat and <c>||</c>, replace, split_part, trim, reverse, LIKE and ILIKE.</summary>
    Text = 2,

    /// <summary>date_trunc, date_part / extract, epoch, epoch_ms, strftime, timestamp arithmetic.</summary>
    Time = 4,

    /// <summary>median, quantile_cont, quantile_disc, covariance, correlation and regression aggregates.</summary>
    Aggregates = 8,

    /// <summary>Every family.</summary>
    All = Math | Text | Time | Aggregates,
}
