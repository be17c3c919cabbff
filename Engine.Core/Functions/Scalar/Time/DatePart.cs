namespace Engine.Core.Functions.Scalar.Time;

/// <summary>A field of a timestamp that date_part extracts and date_trunc truncates to (DuckDB's specifiers).</summary>
internal enum DatePart
{
    /// <summary>The year (astronomical: 0 is 1 BC).</summary>
    Year,

    /// <summary>The month, 1 to 12.</summary>
    Month,

    /// <summary>The day of the month, 1 to 31.</summary>
    Day,

    /// <summary>The year divided by 10.</summary>
    Decade,

    /// <summary>The century (2000 is in the 20th, 2001 in the 21st).</summary>
    Century,

    /// <summary>The millennium (2000 is in the 2nd, 2001 in the 3rd).</summary>
    Millennium,

    /// <summary>Seconds within the minute, in microseconds.</summary>
    Microseconds,

    /// <summary>Seconds within the minute, in milliseconds.</summary>
    Milliseconds,

    /// <summary>The second within the minute.</summary>
    Second,

    /// <summary>The minute within the hour.</summary>
    Minute,

    /// <summary>The hour of the day.</summary>
    Hour,

    /// <summary>Seconds since 1970-01-01 as a DOUBLE.</summary>
    Epoch,

    /// <summary>The day of the week, Sunday = 0.</summary>
    DayOfWeek,

    /// <summary>The ISO day of the week, Monday = 1, Sunday = 7.</summary>
    IsoDayOfWeek,

    /// <summary>The ISO-8601 week number.</summary>
    Week,

    /// <summary>The ISO-8601 year (the year of the week's Thursday).</summary>
    IsoYear,

    /// <summary>The quarter, 1 to 4.</summary>
    Quarter,

    /// <summary>The day of the year, 1 to 366.</summary>
    DayOfYear,

    /// <summary>ISO year × 100 + ISO week.</summary>
    YearWeek,

    /// <summary>1 for years after 1 BC, 0 before.</summary>
    Era,

    /// <summary>The Julian day as a DOUBLE, with the time of day as its fraction.</summary>
    Julian,
}
