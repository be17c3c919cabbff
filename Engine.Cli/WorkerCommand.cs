using System.CommandLine;
using System.Net;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Worker;

using Engine.Storage.Catalog;
using Engine.Storage.Hosting;

namespace Engine.Cli;

/// <summary>
/// <c>engine worker --listen 127.0.0.1:7400 [--data DIR|s3://…|gen:…]... [--secret-file F] [--tls-cert FILE.pfx [--tls-password-file F]] [--threads N] [--name NAME] [--idle-timeout SECONDS]</c>:
/// runs a <see cref="WorkerServer"/> until SIGINT or SIGTERM. Once listening it prints
/// <c>listening on ADDRESS:PORT</c> on stdout (the real port when 0 was asked for); logs go to stderr.
/// </summary>
public static class WorkerCommand
{
    /// <summary>How long a stopping worker lets running fragments finish; below the command line's termination timeout.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1.5);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on, e.g. 127.0.0.1:7400 (port 0 = any free port)", DefaultValueFactory = _ => "127.0.0.1:7400" };
        var data = new Option<string[]>("--data") { Description = "Data to serve: a folder or s3://bucket/prefix of Hive-partitioned Parquet (default ./data, with the samples), or gen:trades:rows=N:symbols=K[:seed=S] / gen:cpu:hosts=H:hours=X[:seed=S] specs (repeatable)", AllowMultipleArgumentsPerToken = false };
        var secretFile = new Option<FileInfo?>("--secret-file") { Description = "File holding the shared secret coordinators must prove they know" };
        var threads = new Option<int>("--threads") { Description = "Fragments run at once (and threads per fragment); 0 = all cores", DefaultValueFactory = _ => 0 };
        var name = new Option<string?>("--name") { Description = "The worker's name in coordinators' errors; default: the machine name and port" };
        var tlsCert = new Option<FileInfo?>("--tls-cert") { Description = "Serve TLS with this PKCS#12 (.pfx) certificate and private key; coordinators then need Tls = true" };
        var tlsPasswordFile = new Option<FileInfo?>("--tls-password-file") { Description = "With --tls-cert: the file holding the .pfx password" };
        var idleTimeout = new Option<double>("--idle-timeout") { Description = "Close a logged-in connection that sends no complete frame for this many seconds (it must exceed the coordinators' heartbeat interval)", DefaultValueFactory = _ => 300 };
        var command = new Command("worker", "Serve query fragments to remote coordinators over TCP") { listen, data, secretFile, tlsCert, tlsPasswordFile, threads, name, idleTimeout };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(listen)!, parse.GetValue(data) ?? [], parse.GetValue(secretFile), parse.GetValue(tlsCert), parse.GetValue(tlsPasswordFile),
            parse.GetValue(threads), parse.GetValue(name), parse.GetValue(idleTimeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string listen, string[] data, FileInfo? secretFile, FileInfo? tlsCert, FileInfo? tlsPasswordFile, int threads, string? name, double idleTimeout,
        CancellationToken cancellationToken)
    {
        try
        {
            if (!IPEndPoint.TryParse(listen, out var endpoint) || endpoint.Port is < 0 or > 65535)
            {
                throw new ConfigurationException("--listen", $"'{listen}' is not ADDRESS:PORT, e.g. 127.0.0.1:7400");
            }

            if (threads < 0)
            {
                throw new ConfigurationException("--threads", $"must be 0 (all cores) or positive, got {threads}");
            }

            if (!(idleTimeout > 0) || idleTimeout > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new ConfigurationException("--idle-timeout", $"must be a positive number of seconds, got {idleTimeout}");
            }

            var secret = secretFile is null ? null : SharedSecret.FromFile(secretFile.FullName, "--secret-file");
            if (tlsPasswordFile is not null && tlsCert is null)
            {
                throw new ConfigurationException("--tls-password-file", "needs --tls-cert");
            }

            using var certificate = tlsCert is null ? null
                : TlsCertificates.LoadServerCertificate(tlsCert.FullName, tlsPasswordFile?.FullName, "--tls-cert", "--tls-password-file");
            var (catalog, reader, owned) = await OpenDataAsync(data, cancellationToken).ConfigureAwait(false);
            using var ownedStore = owned;
            var logger = new StderrLogger(Console.Error);
            var options = new WorkerOptions
            {
                Listen = endpoint,
                NodeName = name ?? $"{Environment.MachineName}:{endpoint.Port}",
                Secret = secret,
                TlsCertificate = certificate,
                Threads = threads,
                ShutdownGrace = ShutdownGrace,
                IdleTimeout = TimeSpan.FromSeconds(idleTimeout),
            };
            var server = new WorkerServer(options, catalog, reader, logger);
            await using var serverScope = server.ConfigureAwait(false);
            var bound = server.Start();
            if (secret is null)
            {
                Console.Error.WriteLine("engine: warning: no --secret-file; any peer that can connect may run queries");
            }

            await Console.Out.WriteLineAsync($"listening on {bound}").ConfigureAwait(false);
            await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await server.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (EngineException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
        catch (System.Net.Sockets.SocketException error)
        {
            Console.Error.WriteLine($"engine: cannot listen on {listen}: {error.Message}");
            return 1;
        }
    }

    // The same sources as engine query: gen: specs in memory, or one folder / s3:// location of Parquet
    // tables (./data, with the samples generated on first use, when none is given). Coordinator and workers
    // that read the same location agree on partition ids, which are the files' keys.
    private static async Task<(ITableCatalog Catalog, IPartitionReader Reader, IDisposable? Store)> OpenDataAsync(string[] data, CancellationToken cancellationToken)
    {
        var generated = data.Where(GeneratedDataSpec.IsGenerated).ToArray();
        var stored = data.Where(d => !GeneratedDataSpec.IsGenerated(d)).ToArray();
        if (stored.Length > 1 || (stored.Length == 1 && generated.Length > 0))
        {
            throw new ConfigurationException("--data", "give one folder or s3:// location, or any number of gen: specs, not both");
        }

        if (generated.Length > 0)
        {
            var memory = new InMemoryCatalog();
            foreach (var spec in generated)
            {
                GeneratedDataSpec.Register(memory, spec);
            }

            return (memory, memory, null);
        }

        var location = stored.Length == 1 ? stored[0] : EngineHost.DefaultDataFolder;
        if (stored.Length == 0)
        {
            await SampleData.EnsureOnDiskAsync(location, Console.Error, cancellationToken).ConfigureAwait(false);
        }

        var store = StorageFactory.Open(location, key: "--data");
        var catalog = await HiveTableCatalog.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (catalog, catalog, store as IDisposable);
    }
}
