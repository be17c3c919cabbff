namespace Engine.Core.Execution;

/// <summary>What a filter keeps of a morsel, as far as <see cref="MorselRangeCheck"/> can tell without evaluating rows.</summary>
internal enum FilterOutcome
{
    /// <summary>Unknown: evaluate the filter row by row.</summary>
    Some,

    /// <summary>Every row passes: no selection vector is needed.</summary>
    All,

    /// <summary>No row passes: skip the morsel.</summary>
    None,
}
