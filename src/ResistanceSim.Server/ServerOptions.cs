using System.Net;

namespace ResistanceSim.Server;

/// <summary>Where the teaching server listens, which lessons it serves, and what a request may ask of it.</summary>
public sealed record ServerOptions
{
    /// <summary>The address to bind: loopback unless the teacher names another (<c>--host</c>).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port (<c>--port</c>); 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>The folder of <c>*.yaml</c> lessons (default: the bundled <c>lessons/</c> beside the executable).</summary>
    public string LessonsFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "lessons");

    public ServerLimits Limits { get; init; } = new();

    /// <summary>
    /// The folder under which runs write (null: a file system in memory when the machine has one with room, else the
    /// temp folder; <see cref="Jobs.RunFolderRoot"/>). Runs go to a private subfolder deleted when the server stops.
    /// </summary>
    public string? RunFolderParent { get; init; }

    /// <summary>Log warnings and errors to the console (the command line does; tests do not).</summary>
    public bool LogToConsole { get; init; }

    /// <summary>The address <see cref="Host"/> names.</summary>
    /// <exception cref="ArgumentException">Neither <c>localhost</c> nor an IP address.</exception>
    public IPAddress Address =>
        Host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(Host, out var address) ? address
        : throw new ArgumentException($"--host must be an IP address or localhost ('{Host}' supplied)");

    /// <summary>True when only this machine can reach the server.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);
}
