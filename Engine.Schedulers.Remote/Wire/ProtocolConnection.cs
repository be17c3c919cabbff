using System.Net.Sockets;
using Engine.Core.Functions;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// One TCP connection speaking the remote protocol: message-level send and receive over a
/// <see cref="FrameWriter"/> and a <see cref="FrameReader"/>. Sends may come from many threads; receives
/// from one loop at a time. <see cref="Close"/> may be called from any thread at any time, also while a
/// send or receive is in flight: those fail with <see cref="ProtocolException"/> (or the socket's
/// <see cref="IOException"/>), and the pooled buffers are released only when the last of them has returned,
/// so a closing connection never hands a buffer back to the pool while it is in use. A closed connection is
/// never reused.
/// </summary>
internal sealed class ProtocolConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly FunctionRegistry _functions;
    private int _references = 1;
    private int _closed;

    /// <summary>
    /// Takes ownership of a connected <paramref name="socket"/>; fragments and partials it receives bind their
    /// calls with <paramref name="functions"/> (the built-ins when null).
    /// </summary>
    public ProtocolConnection(Socket socket, int maxFrameSize = FrameFormat.DefaultMaxFrameSize, FunctionRegistry? functions = null)
        : this(socket, new NetworkStream(socket ?? throw new ArgumentNullException(nameof(socket)), ownsSocket: true), maxFrameSize, functions)
    {
    }

    /// <summary>
    /// Takes ownership of a connected <paramref name="socket"/> and of <paramref name="stream"/> over it (a
    /// <see cref="System.Net.Security.SslStream"/> once TLS is established); disposing the stream must close the socket.
    /// Received fragments and partials bind their calls with <paramref name="functions"/> (the built-ins when null).
    /// </summary>
    public ProtocolConnection(Socket socket, Stream stream, int maxFrameSize = FrameFormat.DefaultMaxFrameSize, FunctionRegistry? functions = null)
    {
        _functions = functions ?? FunctionRegistry.BuiltIn;
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(stream);
        _socket = socket;
        _socket.NoDelay = true;
        _stream = stream;
        _reader = new FrameReader(_stream, maxFrameSize);
        _writer = new FrameWriter(_stream, maxFrameSize);
        RemoteEndPoint = socket.RemoteEndPoint?.ToString() ?? "unknown peer";
    }

    /// <summary>The peer's address, for logs and errors.</summary>
    public string RemoteEndPoint { get; }

    /// <summary>Whether <see cref="Close"/> has been called.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Sends one message; throws when the connection is closed or the write fails.</summary>
    public async ValueTask SendAsync(IProtocolMessage message, CancellationToken cancellationToken = default)
    {
        Acquire();
        try
        {
            await _writer.WriteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>
    /// Receives the next message, or <see langword="null"/> when the peer closed the connection cleanly between
    /// frames. Throws <see cref="ProtocolException"/> for a malformed frame or message. One caller at a time.
    /// </summary>
    public async ValueTask<IProtocolMessage?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        Acquire();
        try
        {
            var payload = await _reader.ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            return payload is { } frame ? ProtocolMessages.Read(frame, _functions) : null;
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Closes the socket; in-flight and later sends and receives fail. Idempotent and thread-safe.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The peer may already be gone; closing below is all that matters.
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }

        _stream.Dispose();
        Release();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    private void Acquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0 || IsClosed)
            {
                throw new ProtocolException($"The connection to {RemoteEndPoint} is closed.");
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return;
            }
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _reader.Dispose();
            _writer.Dispose();
        }
    }
}
