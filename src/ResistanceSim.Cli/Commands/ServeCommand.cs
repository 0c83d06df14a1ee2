using System.CommandLine;
using ResistanceSim.Server;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim serve [--port 5000] [--host 127.0.0.1] [--lessons DIR]</c>: the teaching web app (docs/teaching.md).
/// Loopback unless <c>--host</c> names another address, which prints a warning; Ctrl+C stops it and exits 0; a port
/// already in use is one line and exit 75.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "Address to bind (default loopback: only this computer). Another address lets other computers in.", DefaultValueFactory = _ => "127.0.0.1" };
        var lessons = new Option<string?>("--lessons") { Description = "Folder of lesson files (*.yaml) instead of the bundled lessons.", HelpName = "DIR" };
        var command = new Command("serve", "Start the teaching web app: lessons with sliders, runs and charts in the browser.") { port, host, lessons };
        command.SetAction(async (parse, _) =>
        {
            int portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535) throw new UsageException($"--port must be in [0, 65535] ({portNumber} supplied)");
            var options = new ServerOptions { Port = portNumber, Host = parse.GetValue(host)!, LogToConsole = true };
            if (parse.GetValue(lessons) is { } folder) options = options with { LessonsFolder = folder };
            bool loopback;
            try
            {
                loopback = options.IsLoopback;
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            if (!loopback)
                context.Error.WriteLine($"warning: listening on {options.Host}: other computers on the network can open this server and start runs on it.");
            TeachingServer started;
            try
            {
                started = await TeachingServer.StartAsync(options, context.Cancellation).ConfigureAwait(false);
            }
            catch (PortInUseException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.PortInUse;
            }
            await using var server = started;
            context.Output.WriteLine($"ResistanceSim lessons at {server.Url} (Ctrl+C stops the server)");
            await server.WaitAsync(context.Cancellation).ConfigureAwait(false);
            context.Output.WriteLine("Stopped.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
