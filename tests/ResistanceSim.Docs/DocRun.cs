using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>Runs a documented command (<c>run scenarios/x.yaml …</c>) in process, into a temporary --out, once per test
/// class; <see cref="Output"/> is what it printed and <see cref="RunDirectory"/> what it wrote.</summary>
public sealed class DocRun : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DocRun(string command)
    {
        string[] words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run", words[0]);
        string scenario = Path.Combine(Repository.Root, words[1]);
        var result = ResistanceSim.Tests.Support.Cli.Run([.. words.Skip(2).Prepend(scenario).Prepend("run"), "--out", _temp.Path, "--no-plots"]);
        Assert.True(result.ExitCode == 0, $"`resistancesim {command}` exited {result.ExitCode}: {result.Error}");
        Output = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        RunDirectory = Directory.GetDirectories(_temp.Path).Single();
    }

    public IReadOnlyList<string> Output { get; }

    public string RunDirectory { get; }

    public void Dispose() => _temp.Dispose();
}
