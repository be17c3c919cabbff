using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Core.Generators;

/// <summary>
/// Generates a deterministic <c>cpu</c> table shaped like the TSBS cpu-only use case: one row per host every
/// interval in [start, end), ten tag columns fixed per host and ten <c>usage_*</c> fields, each an
/// independent random walk with N(0, 1) steps clamped to [0, 100] and rounded to 6 decimals. Partitioned by
/// host and UTC day (key <c>hostname</c>, time column <c>time</c>). Each host draws from its own random
/// stream, so hosts can be generated independently. Instances are immutable and safe to use from many threads.
/// </summary>
public sealed class CpuGenerator
{
    /// <summary>Name of the time column.</summary>
    public const string TimeColumn = "time";

    /// <summary>Name of the partition-key column.</summary>
    public const string HostnameColumn = "hostname";

    /// <summary>The TSBS regions; each has the three datacenters <c>&lt;region&gt;a</c>, <c>b</c> and <c>c</c>.</summary>
    public static IReadOnlyList<string> Regions { get; } =
    [
        "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
        "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1",
    ];

    /// <summary>The operating systems a host may run.</summary>
    public static IReadOnlyList<string> OperatingSystems { get; } = ["Ubuntu16.10", "Ubuntu16.04LTS", "Ubuntu15.10"];

    /// <summary>The architectures a host may have.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["x64", "x86"];

    /// <summary>The teams a host may belong to.</summary>
    public static IReadOnlyList<string> Teams { get; } = ["SF", "NYC", "LON", "CHI"];

    /// <summary>The environments a host's service may run in.</summary>
    public static IReadOnlyList<string> ServiceEnvironments { get; } = ["production", "staging", "test"];

    /// <summary>The tag columns, in schema order after <c>hostname</c>.</summary>
    public static IReadOnlyList<string> TagColumns { get; } =
        ["region", "datacenter", "rack", "os", "arch", "team", "service", "service_version", "service_environment"];

    /// <summary>The measurement columns, in schema order.</summary>
    public static IReadOnlyList<string> UsageColumns { get; } =
    [
        "usage_user", "usage_system", "usage_idle", "usage_nice", "usage_iowait",
        "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_guest_nice",
    ];

    /// <summary>The schema of every generated batch: time, hostname, the tags, then the usage fields.</summary>
    public static Schema Schema { get; } = BuildSchema();

    /// <summary>Validates <paramref name="options"/>; throws <see cref="ArgumentOutOfRangeException"/> naming the bad option.</summary>
    public CpuGenerator(CpuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Hosts, "options.Hosts");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IntervalMicros, "options.IntervalMicros");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchRows, "options.BatchRows");
        if (options.EndMicros < options.StartMicros)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"EndMicros {options.EndMicros} is before StartMicros {options.StartMicros}.");
        }

        Options = options;
    }

    /// <summary>The options the data is generated from.</summary>
    public CpuOptions Options { get; }

    /// <summary>Readings per host: one per interval in [start, end).</summary>
    public long RowsPerHost => Options.EndMicros == Options.StartMicros
        ? 0
        : ((Options.EndMicros - Options.StartMicros - 1) / Options.IntervalMicros) + 1;

    /// <summary>The hostname of host <paramref name="index"/> (0-based, as in TSBS): <c>host_0</c>, <c>host_1</c>, ….</summary>
    public static string HostName(int index) => $"host_{index}";

    /// <summary>Generates every partition lazily, host by host and day by day within a host.</summary>
    public IEnumerable<GeneratedPartition> GeneratePartitions()
    {
        for (var host = 0; host < Options.Hosts; host++)
        {
            foreach (var partition in GenerateHost(host))
            {
                yield return partition;
            }
        }
    }

    /// <summary>
    /// Generates the partitions of host <paramref name="host"/> (0-based), one per UTC day that has readings,
    /// in time order. The random walks continue across days, so a host is always generated whole.
    /// </summary>
    public IReadOnlyList<GeneratedPartition> GenerateHost(int host)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(host);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(host, Options.Hosts);
        var random = new DeterministicRandom(Options.Seed, (ulong)host);
        var hostname = HostName(host);
        var tags = DrawTags(random);
        var usage = new double[UsageColumns.Count];
        for (var f = 0; f < usage.Length; f++)
        {
            usage[f] = Math.Round(100 * random.NextDouble(), 6);
        }

        // Tag columns are partition-constant: one-entry dictionaries over one shared zeroed code buffer.
        var dictionaries = new string[1 + tags.Length][];
        dictionaries[0] = [hostname];
        for (var t = 0; t < tags.Length; t++)
        {
            dictionaries[t + 1] = [tags[t]];
        }

        var partitions = new List<GeneratedPartition>();
        var rows = RowsPerHost;
        var interval = Options.IntervalMicros;
        long k = 0;
        var firstReading = true;
        while (k < rows)
        {
            var time = Options.StartMicros + (k * interval);
            var dayEnd = (TimestampMicros.FloorDiv(time, TimestampMicros.PerDay) + 1) * TimestampMicros.PerDay;

            // Readings k .. k + dayRows - 1 fall in this UTC day.
            var dayRows = Math.Min(rows - k, ((dayEnd - 1 - time) / interval) + 1);
            var codes = new int[(int)Math.Min(dayRows, Options.BatchRows)];
            var batches = new List<ColumnBatch>();
            for (long done = 0; done < dayRows;)
            {
                var count = (int)Math.Min(dayRows - done, codes.Length);
                var times = new long[count];
                var values = new double[usage.Length][];
                for (var f = 0; f < values.Length; f++)
                {
                    values[f] = new double[count];
                }

                for (var i = 0; i < count; i++)
                {
                    times[i] = Options.StartMicros + ((k + done + i) * interval);
                    for (var f = 0; f < usage.Length; f++)
                    {
                        if (!firstReading)
                        {
                            usage[f] = Math.Round(Math.Clamp(usage[f] + random.NextNormal(), 0, 100), 6);
                        }

                        values[f][i] = usage[f];
                    }

                    firstReading = false;
                }

                var columns = new Column[Schema.Count];
                columns[0] = new Int64Column(times, null, DataType.Timestamp);
                for (var d = 0; d < dictionaries.Length; d++)
                {
                    columns[1 + d] = new StringColumn(codes, 0, count, dictionaries[d], null);
                }

                for (var f = 0; f < values.Length; f++)
                {
                    columns[1 + dictionaries.Length + f] = new DoubleColumn(values[f]);
                }

                batches.Add(new ColumnBatch(Schema, columns, count));
                done += count;
            }

            var keys = new Dictionary<string, ScalarValue>(StringComparer.OrdinalIgnoreCase) { [HostnameColumn] = ScalarValue.FromString(hostname) };
            partitions.Add(new GeneratedPartition(keys, batches));
            k += dayRows;
        }

        return partitions;
    }

    /// <summary>
    /// Generates the table and registers it in <paramref name="catalog"/> as <paramref name="name"/>, one
    /// partition per host and UTC day with key <c>hostname</c> and time column <c>time</c>.
    /// </summary>
    public static TableInfo RegisterCpu(InMemoryCatalog catalog, CpuOptions options, string name = "cpu")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var generator = new CpuGenerator(options);
        var partitions = new List<(IReadOnlyDictionary<string, ScalarValue>, IReadOnlyList<ColumnBatch>)>();
        foreach (var partition in generator.GeneratePartitions())
        {
            partitions.Add((partition.KeyValues, partition.Batches));
        }

        return catalog.Register(name, Schema, partitions, TimeColumn, options.Spec);
    }

    private static string[] DrawTags(DeterministicRandom random)
    {
        var region = random.NextInt32(Regions.Count);
        return
        [
            Regions[region],
            Regions[region] + (char)('a' + random.NextInt32(3)),
            random.NextInt32(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            OperatingSystems[random.NextInt32(OperatingSystems.Count)],
            Architectures[random.NextInt32(Architectures.Count)],
            Teams[random.NextInt32(Teams.Count)],
            random.NextInt32(20).ToString(System.Globalization.CultureInfo.InvariantCulture),
            random.NextInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ServiceEnvironments[random.NextInt32(ServiceEnvironments.Count)],
        ];
    }

    private static Schema BuildSchema()
    {
        var fields = new List<Field> { new(TimeColumn, DataType.Timestamp, Nullable: false), new(HostnameColumn, DataType.String, Nullable: false) };
        foreach (var tag in TagColumns)
        {
            fields.Add(new Field(tag, DataType.String, Nullable: false));
        }

        foreach (var usage in UsageColumns)
        {
            fields.Add(new Field(usage, DataType.Double, Nullable: false));
        }

        return new Schema(fields);
    }
}
