using System.Buffers.Binary;
using System.Net.Sockets;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// A seeded campaign of mutated Execute frames from an authenticated coordinator against a real worker
/// process: every frame gets a typed answer (a Result, an Error with a code other than Internal, or the
/// connection closed as a protocol error) within the bound, the worker never exits, its memory stays
/// bounded, and it still answers a normal query correctly afterwards.
/// </summary>
[NonParallelizable]
public sealed class ExecuteFrameFuzzTests
{
    private const string Data = "gen:trades:rows=20000:symbols=4:batch=5000";
    private const int Frames = 3000;
    private const long ResidentGrowthBound = 512L << 20;
    private static readonly TimeSpan s_answerBound = TimeSpan.FromSeconds(30);

    private static readonly string[] s_queries =
    [
        "SELECT symbol, count(*), sum(volume), avg(price), min(ts), max(ts) FROM trades GROUP BY symbol",
        "SELECT count(*) FROM trades WHERE price > 100 AND volume BETWEEN 10 AND 500",
        "SELECT time_bucket(INTERVAL '1 minute', ts) AS m, first(price, ts), last(price, ts) FROM trades GROUP BY m",
        "SELECT symbol, count(DISTINCT volume), median(price), approx_count_distinct(price) FROM trades WHERE symbol IN ('S0000', 'S0002') GROUP BY symbol",
        "SELECT ts, symbol, price FROM trades WHERE symbol LIKE 'S%1' AND volume < 50",
        "SELECT CASE WHEN price > 100 THEN 'high' ELSE 'low' END AS band, stddev(price), string_agg(symbol, ',') FROM trades GROUP BY band",
        "SELECT symbol, vwap(price, volume), quantile_cont(price, 0.9) FROM trades WHERE ts < TIMESTAMP '2024-01-01 00:10:00' GROUP BY symbol",
    ];

    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7f, 0x80, 0x90, 0xa0, 0xc0, 0xc1, 0xc2, 0xcc, 0xcf, 0xd3, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff];

    [Test]
    public async Task MutatedExecuteFrames_AllGetTypedAnswersAndTheWorkerStaysWhole()
    {
        var secretFile = RemoteTestSupport.WriteSecretFile();
        try
        {
            using var worker = await WorkerProcess.StartAsync(secretFile, 2, Data);
            var idle = worker.ResidentBytes();
            var catalog = new InMemoryCatalog();
            GeneratedDataSpec.Register(catalog, Data);
            var payloads = new List<byte[]>();
            foreach (var sql in s_queries)
            {
                payloads.Add(await EncodeAsync(new ExecuteMessage(AuthenticatedPeer.Fragment(catalog, sql))));
            }

            var random = new DeterministicRandom(0x5eed_f022);
            var outcomes = new Dictionary<string, int>();
            var untyped = new List<string>();
            Socket? socket = null;
            ProtocolConnection? connection = null;
            try
            {
                for (var i = 0; i < Frames; i++)
                {
                    if (connection is null || connection.IsClosed)
                    {
                        connection?.Dispose();
                        (socket, connection) = await LogInAsync(worker);
                    }

                    var frame = Frame(Mutate(payloads[random.NextInt32(payloads.Count)], random));
                    var outcome = await SendAsync(socket!, connection, frame);
                    outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
                    if (outcome.Kind is "internal error" or "no answer")
                    {
                        untyped.Add($"frame {i}: {outcome.Kind}: {outcome.Detail}");
                    }

                    Assert.That(worker.HasExited, Is.False, $"the worker exited after frame {i}");
                }
            }
            finally
            {
                connection?.Dispose();
            }

            var resident = worker.ResidentBytes();
            var summary = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"));
            TestContext.Out.WriteLine($"{Frames} mutated Execute frames: {summary}; worker RSS {idle >> 20} MiB idle, {resident >> 20} MiB after");
            Assert.That(untyped, Is.Empty, summary);
            Assert.That(resident - idle, Is.LessThan(ResidentGrowthBound), summary);
            await AssertStillAnswersAsync(worker, catalog);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    private static async Task AssertStillAnswersAsync(WorkerProcess worker, InMemoryCatalog catalog)
    {
        using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);
        var sql = s_queries[0];
        var remote = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync(sql);
        var local = await TestEngines.Local(catalog).QueryAsync(sql);
        ResultAssert.Equivalent(local, remote, ordered: false, sql);
    }

    private static async Task<(string Kind, string Detail)> SendAsync(Socket socket, ProtocolConnection connection, byte[] frame)
    {
        try
        {
            await socket.SendAsync(frame, SocketFlags.None);
        }
        catch (SocketException ex)
        {
            connection.Close();
            return ("connection closed", ex.Message);
        }

        using var bound = new CancellationTokenSource(s_answerBound);
        try
        {
            while (true)
            {
                switch (await connection.ReceiveAsync(bound.Token))
                {
                    case null:
                        connection.Close();
                        return ("connection closed", string.Empty);
                    case ErrorMessage { Code: ErrorCode.Internal } error:
                        return ("internal error", error.Message);
                    case ErrorMessage error:
                        return ($"error {error.Code}", error.Message);
                    case ResultMessage:
                        return ("result", string.Empty);
                    default:
                        continue;
                }
            }
        }
        catch (OperationCanceledException)
        {
            connection.Close();
            return ("no answer", $"nothing within {s_answerBound.TotalSeconds} s");
        }
        catch (Exception ex) when (ex is IOException or ProtocolException or SocketException)
        {
            connection.Close();
            return ("connection closed", ex.Message);
        }
    }

    private static async Task<(Socket Socket, ProtocolConnection Connection)> LogInAsync(WorkerProcess worker)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(worker.Endpoint);
        var connection = new ProtocolConnection(socket);
        var challenge = (ChallengeMessage)(await connection.ReceiveAsync())!;
        var proof = SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, SessionAuthenticator.CreateNonce());
        await connection.SendAsync(new HelloMessage("fuzz-peer", proof));
        return await connection.ReceiveAsync() is HelloOkMessage
            ? (socket, connection)
            : throw new InvalidOperationException("The worker did not accept the fuzz peer.");
    }

    /// <summary>The payload the real writer produces for <paramref name="message"/>, read back off a loopback socket.</summary>
    private static async Task<byte[]> EncodeAsync(IProtocolMessage message)
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((System.Net.IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();
        using (var writer = new ProtocolConnection(client))
        {
            await writer.SendAsync(message);
        }

        await using var stream = new NetworkStream(server);
        var header = new byte[FrameFormat.HeaderSize];
        await stream.ReadExactlyAsync(header);
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header)];
        await stream.ReadExactlyAsync(payload);
        return payload;
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[FrameFormat.HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame, FrameFormat.HeaderSize);
        return frame;
    }

    private static byte[] Mutate(byte[] original, DeterministicRandom random)
    {
        var bytes = original.ToList();
        var edits = 1 + random.NextInt32(3);
        for (var e = 0; e < edits && bytes.Count > 1; e++)
        {
            var at = random.NextInt32(bytes.Count);
            switch (random.NextInt32(9))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.NextInt32(8));
                    break;
                case 1:
                    bytes[at] = s_interesting[random.NextInt32(s_interesting.Length)];
                    break;
                case 2:
                    // A big-endian extreme over the next bytes: huge row counts, lengths and indexes.
                    var extreme = random.NextInt32(3) switch { 0 => long.MaxValue, 1 => 1L << 40, _ => -1L };
                    for (var b = 0; b < 8 && at + b < bytes.Count; b++)
                    {
                        bytes[at + b] = (byte)(extreme >> (56 - (8 * b)));
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = 1 + random.NextInt32(Math.Min(16, bytes.Count - at));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5:
                    bytes.RemoveRange(at, 1 + random.NextInt32(Math.Min(8, bytes.Count - at)));
                    break;
                case 6:
                    bytes[at] = (byte)(bytes[at] + 1);
                    break;
                default:
                    // Keeps the structure where the byte is a positive fixint or ASCII text: other indexes, ids, names.
                    if (bytes[at] < 0x80)
                    {
                        bytes[at] = (byte)random.NextInt32(0x80);
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
