namespace Engine.Schedulers.Remote.Wire;

/// <summary>The second element of every message envelope: what the message is. Values are part of the wire format.</summary>
internal enum MessageType
{
    /// <summary>Coordinator → worker: opens a session (node name and authentication proof).</summary>
    Hello = 1,

    /// <summary>Worker → coordinator: the session is accepted.</summary>
    HelloOk = 2,

    /// <summary>Worker → coordinator: the session is refused; the worker closes the connection.</summary>
    Rejected = 3,

    /// <summary>Coordinator → worker: run one query fragment.</summary>
    Execute = 4,

    /// <summary>Worker → coordinator: the partial result of one fragment.</summary>
    Result = 5,

    /// <summary>Worker → coordinator: a fragment failed.</summary>
    Error = 6,

    /// <summary>Coordinator → worker: stop every fragment of a query.</summary>
    Cancel = 7,

    /// <summary>Either side: a heartbeat that asks for a <see cref="Pong"/>.</summary>
    Ping = 8,

    /// <summary>Either side: the answer to a <see cref="Ping"/>.</summary>
    Pong = 9,

    /// <summary>Worker → coordinator: the first message on a connection, a random nonce the coordinator's proof must cover.</summary>
    Challenge = 10,
}
