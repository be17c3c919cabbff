using Engine.Core.Columns;
using Engine.Storage.Formats;

namespace Engine.Storage.Catalog;

/// <summary>What a scan of one partition reads: its file, the table's schema, and the key values only its path holds.</summary>
internal sealed record PartitionSource(ITableFile File, Schema Schema, IReadOnlyDictionary<string, ScalarValue> PathValues);
