namespace Engine.Core.Aggregates;

/// <summary>The aggregate functions Engine computes.</summary>
public enum AggregateKind : byte
{
    /// <summary>count(*): rows.</summary>
    CountStar,

    /// <summary>count(x): non-NULL values.</summary>
    Count,

    /// <summary>count(DISTINCT x): distinct non-NULL values (exact).</summary>
    CountDistinct,

    /// <summary>sum(x); NULL over no values; BIGINT overflow is an error.</summary>
    Sum,

    /// <summary>min(x).</summary>
    Min,

    /// <summary>max(x).</summary>
    Max,

    /// <summary>avg(x) as DOUBLE.</summary>
    Avg,

    /// <summary>first(x): x at the earliest time-column value among rows where x is not NULL.</summary>
    First,

    /// <summary>last(x): x at the latest time-column value among rows where x is not NULL.</summary>
    Last,

    /// <summary>Population standard deviation.</summary>
    StddevPop,

    /// <summary>Sample standard deviation (NULL for fewer than two values).</summary>
    StddevSamp,

    /// <summary>Population variance.</summary>
    VarPop,

    /// <summary>Sample variance (NULL for fewer than two values).</summary>
    VarSamp,

    /// <summary>vwap(price, volume) = sum(price × volume) / sum(volume) over rows where both are not NULL.</summary>
    Vwap,
}
