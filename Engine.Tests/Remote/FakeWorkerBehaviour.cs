namespace Engine.Tests.Remote;

/// <summary>How a <see cref="FakeWorker"/> misbehaves.</summary>
internal enum FakeWorkerBehaviour
{
    /// <summary>Accepts the TCP connection and never sends a byte.</summary>
    SilentAtHandshake,

    /// <summary>Completes the handshake and answers Pings, but never answers an Execute.</summary>
    StallExecutes,

    /// <summary>Completes the handshake, then drops the connection when the first Execute arrives (a crash mid-fragment).</summary>
    CrashOnExecute,

    /// <summary>Completes the handshake with a wrong worker proof (it does not know the secret).</summary>
    WrongProof,
}
