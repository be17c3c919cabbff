using System.Security.Cryptography;
using System.Text;

namespace Engine.Schedulers.Remote.Security;

/// <summary>
/// The HMAC-SHA256 challenge/response both sides of a connection run over a shared secret. The worker opens
/// with a random nonce (<see cref="Wire.ChallengeMessage"/>); the coordinator answers with its own nonce and
/// <c>HMAC(secret, "engine/1 coordinator" || workerNonce || coordinatorNonce)</c> (<see cref="Wire.HelloMessage"/>);
/// the worker checks it in constant time and proves itself with
/// <c>HMAC(secret, "engine/1 worker" || workerNonce || coordinatorNonce)</c> (<see cref="Wire.HelloOkMessage"/>).
/// The secret never crosses the wire, a recorded proof fails on any other connection because the worker's
/// nonce differs, and the two directions use different labels so one side's proof cannot be reflected as the
/// other's. Stateless and thread-safe; never logs or formats the secret.
/// </summary>
internal static class SessionAuthenticator
{
    /// <summary>The length of each nonce, in bytes.</summary>
    public const int NonceSize = 32;

    /// <summary>The length of a coordinator proof: its nonce followed by the MAC.</summary>
    public const int CoordinatorProofSize = NonceSize + HMACSHA256.HashSizeInBytes;

    private static readonly byte[] s_coordinatorLabel = Encoding.ASCII.GetBytes("engine/1 coordinator");
    private static readonly byte[] s_workerLabel = Encoding.ASCII.GetBytes("engine/1 worker");

    /// <summary>Fresh random bytes from the operating system's CSPRNG.</summary>
    public static byte[] CreateNonce() => RandomNumberGenerator.GetBytes(NonceSize);

    /// <summary>The coordinator's Hello proof: <paramref name="coordinatorNonce"/> followed by its MAC over both nonces.</summary>
    public static byte[] CreateCoordinatorProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> workerNonce, ReadOnlySpan<byte> coordinatorNonce)
    {
        if (coordinatorNonce.Length != NonceSize)
        {
            throw new ArgumentException($"A nonce is {NonceSize} bytes.", nameof(coordinatorNonce));
        }

        var proof = new byte[CoordinatorProofSize];
        coordinatorNonce.CopyTo(proof);
        Mac(secret, s_coordinatorLabel, workerNonce, coordinatorNonce, proof.AsSpan(NonceSize));
        return proof;
    }

    /// <summary>
    /// Checks a coordinator's Hello proof against the nonce this worker sent; returns the coordinator's nonce
    /// on success. Any length mismatch or wrong MAC fails without saying which.
    /// </summary>
    public static bool TryVerifyCoordinatorProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> workerNonce, ReadOnlySpan<byte> proof, out byte[] coordinatorNonce)
    {
        coordinatorNonce = [];
        if (proof.Length != CoordinatorProofSize)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(secret, s_coordinatorLabel, workerNonce, proof[..NonceSize], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, proof[NonceSize..]))
        {
            return false;
        }

        coordinatorNonce = proof[..NonceSize].ToArray();
        return true;
    }

    /// <summary>The worker's HelloOk proof over both nonces.</summary>
    public static byte[] CreateWorkerProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> workerNonce, ReadOnlySpan<byte> coordinatorNonce)
    {
        var proof = new byte[HMACSHA256.HashSizeInBytes];
        Mac(secret, s_workerLabel, workerNonce, coordinatorNonce, proof);
        return proof;
    }

    /// <summary>Checks the worker's HelloOk proof in constant time.</summary>
    public static bool VerifyWorkerProof(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> workerNonce, ReadOnlySpan<byte> coordinatorNonce, ReadOnlySpan<byte> proof)
    {
        if (proof.Length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(secret, s_workerLabel, workerNonce, coordinatorNonce, expected);
        return CryptographicOperations.FixedTimeEquals(expected, proof);
    }

    private static void Mac(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> workerNonce, ReadOnlySpan<byte> coordinatorNonce, Span<byte> destination)
    {
        var message = new byte[label.Length + workerNonce.Length + coordinatorNonce.Length];
        label.CopyTo(message);
        workerNonce.CopyTo(message.AsSpan(label.Length));
        coordinatorNonce.CopyTo(message.AsSpan(label.Length + workerNonce.Length));
        HMACSHA256.HashData(secret, message, destination);
    }
}
