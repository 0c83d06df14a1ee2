using ResistanceSim.Cli;
using ResistanceSim.Cli.Terminal;

using var signals = new StopSignals();
return await CommandLine.InvokeAsync(args, Console.Out, Console.Error, signals.Stopping);
