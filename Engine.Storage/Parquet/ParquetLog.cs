using Microsoft.Extensions.Logging;

namespace Engine.Storage.Parquet;

/// <summary>The Parquet reader's log messages, defined once so logging allocates nothing when disabled.</summary>
internal static class ParquetLog
{
    private static readonly Action<ILogger, string, string, Exception?> s_ignoredMetadata = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(1, "IgnoredParquetMetadata"),
        "Parquet file '{File}': ignoring optional metadata that contradicts itself or the data ({Problem}); affected column chunks are read whole and their page statistics treated as unknown. Further problems in this file are counted, not logged.");

    /// <summary>Logs the first ignored piece of optional metadata (page index, statistics) of <paramref name="file"/>.</summary>
    public static void IgnoredMetadata(ILogger logger, string file, string problem) => s_ignoredMetadata(logger, file, problem, null);
}
