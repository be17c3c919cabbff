using System.Net;
using System.Net.Sockets;
using Engine.Core.Catalog;
using Engine.Core.Planning;
using Engine.Core.Sql;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

/// <summary>A hand-driven coordinator connection: it completes the handshake, then sends and reads whatever a test wants.</summary>
internal static class AuthenticatedPeer
{
    /// <summary>Connects to <paramref name="address"/> and logs in with the test secret; the caller disposes the connection.</summary>
    public static async Task<ProtocolConnection> ConnectAsync(IPEndPoint address)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address);
        var connection = new ProtocolConnection(socket);
        var challenge = (ChallengeMessage)(await connection.ReceiveAsync())!;
        var proof = SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, SessionAuthenticator.CreateNonce());
        await connection.SendAsync(new HelloMessage("test-peer", proof));
        if (await connection.ReceiveAsync() is not HelloOkMessage)
        {
            throw new InvalidOperationException("The worker did not accept the test peer.");
        }

        return connection;
    }

    /// <summary>The first fragment of <paramref name="sql"/> planned against <paramref name="catalog"/>.</summary>
    public static QueryFragment Fragment(ITableCatalog catalog, string sql) =>
        QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), catalog), Guid.NewGuid()).Fragments[0];

    /// <summary>Reads messages until the answer (Result or Error) to <paramref name="fragmentId"/> arrives, skipping heartbeats.</summary>
    public static async Task<IProtocolMessage> AnswerAsync(ProtocolConnection connection, int fragmentId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var message = await connection.ReceiveAsync(timeout.Token) ?? throw new InvalidOperationException("The worker closed the connection.");
            if ((message is ErrorMessage error && error.FragmentId == fragmentId) || (message is ResultMessage result && result.FragmentId == fragmentId))
            {
                return message;
            }
        }
    }
}
