using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResistanceSim.Cli;

// The Generic Host supplies logging and turns Ctrl+C / SIGTERM into a cancellation token.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
using var host = builder.Build();
await host.StartAsync();
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("resistancesim");

int exitCode = await CommandLine.InvokeAsync(args, Console.Out, Console.Error, logger, stopping);
await host.StopAsync();
return exitCode;
