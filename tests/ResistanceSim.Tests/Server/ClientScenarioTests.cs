using ResistanceSim.Server;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>Changes the process's working directory: run alone, so no other test resolves a relative path meanwhile.</summary>
[CollectionDefinition(nameof(ClientScenarioTests), DisableParallelization = true)]
public sealed class ClientScenarioCollection;

/// <summary>A scenario from the browser reads the bundled presets and nothing else on the server's disk.</summary>
[Collection(nameof(ClientScenarioTests))]
public sealed class ClientScenarioTests : IDisposable
{
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "resistancesim-client-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public void APresetNameIsNotLookedUpInTheServersWorkingDirectory()
    {
        // A file with a bundled preset's name where the server runs: were it read, its unknown key would refuse the scenario.
        Directory.CreateDirectory(Path.Combine(_workingDirectory, "presets"));
        File.WriteAllText(Path.Combine(_workingDirectory, "presets", "drugs.yaml"), "planted_by_the_working_directory: true\n");
        string yaml = File.ReadAllText(Path.Combine(Repository.Root, "lessons", "scenarios", "fluctuation.yaml"))
            .Replace("../../scenarios/presets/", "presets/", StringComparison.Ordinal);
        string saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _workingDirectory;
            var (scenario, diagnostics) = ClientScenario.Load(yaml, []);
            Assert.True(scenario is not null, string.Join("\n", diagnostics));
            Assert.DoesNotContain("planted_by_the_working_directory", scenario.ResolvedYaml, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }
}
