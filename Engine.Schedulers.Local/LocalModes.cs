namespace Engine.Schedulers.Local;

/// <summary>The names of the local scheduler's modes, as shown in EXPLAIN.</summary>
public static class LocalModes
{
    /// <summary>No fragment to run: every partition was pruned, or the table is empty.</summary>
    public const string None = "NONE";

    /// <summary>All fragments on the calling thread, one after another.</summary>
    public const string Serial = "SERIAL";

    /// <summary>One fragment per task (one larger than a thread's share split into row ranges) on a pool of workers.</summary>
    public const string Partition = "PARTITION";

    /// <summary>Fragments split by row range so every worker has work.</summary>
    public const string Chunked = "CHUNKED";
}
