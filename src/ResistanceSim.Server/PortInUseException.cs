namespace ResistanceSim.Server;

/// <summary>The server could not listen: another program (or another <c>serve</c>) already holds the address and port.</summary>
public sealed class PortInUseException(string host, int port, Exception inner)
    : IOException($"port {port} on {host} is already in use (another server, or a 'resistancesim serve' still running); choose another with --port, e.g. --port {(port == 65535 ? 8080 : port + 1)}", inner)
{
    public string Host { get; } = host;
    public int Port { get; } = port;
}
