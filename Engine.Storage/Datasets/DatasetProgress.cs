namespace Engine.Storage.Datasets;

/// <summary>How far a dataset write has come, for progress displays.</summary>
/// <param name="PartitionsDone">Partition files written so far.</param>
/// <param name="PartitionsTotal">Partition files to write.</param>
/// <param name="RowsWritten">Rows written so far.</param>
public readonly record struct DatasetProgress(int PartitionsDone, int PartitionsTotal, long RowsWritten);
