using System.Text.Json;
using ResistanceSim.Output.Shards;
using YamlDotNet.RepresentationModel;

namespace ResistanceSim.Integration.Kubernetes;

/// <summary>deploy/kubernetes/sweep-job.yaml is an Indexed Job whose pods run <c>--shard $JOB_COMPLETION_INDEX/N</c> with N = completions (no cluster needed).</summary>
public class SweepJobManifestTests
{
    private static YamlMappingNode Manifest()
    {
        string path = Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "sweep-job.yaml");
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    [Fact]
    public void IsAnIndexedJobWhoseShardCountEqualsItsCompletions()
    {
        var manifest = Manifest();
        Assert.Equal("batch/v1", At(manifest, "apiVersion").ToString());
        Assert.Equal("Job", At(manifest, "kind").ToString());
        Assert.Equal("Indexed", At(manifest, "spec", "completionMode").ToString());
        int completions = int.Parse(At(manifest, "spec", "completions").ToString(), System.Globalization.CultureInfo.InvariantCulture);

        var container = (YamlMappingNode)((YamlSequenceNode)At(manifest, "spec", "template", "spec", "containers")).Children.Single();
        var env = ((YamlSequenceNode)At(container, "env")).Children.Cast<YamlMappingNode>()
            .ToDictionary(e => At(e, "name").ToString(), e => At(e, "value").ToString());
        string command = string.Join(' ', ((YamlSequenceNode)At(container, "args")).Children.Select(a => a.ToString()));
        Assert.Contains("--shard \"${JOB_COMPLETION_INDEX}/${SHARDS}\"", command, StringComparison.Ordinal);
        Assert.Contains("--resume", command, StringComparison.Ordinal);
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), env["SHARDS"]);

        // Every index the Job will hand out is a valid shard, and together they cover the run once.
        long next = 0;
        for (int index = 0; index < completions; index++)
        {
            string shard = command.Split("--shard ")[1].Split(' ')[0].Trim('"')
                .Replace("${JOB_COMPLETION_INDEX}", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("${SHARDS}", env["SHARDS"], StringComparison.Ordinal);
            Assert.True(ShardSpec.TryParse(shard, out var spec, out string? error), error);
            var (first, count) = spec.Range(1000);
            Assert.Equal(next, first);
            next += count;
        }
        Assert.Equal(1000, next);
    }

    [Fact]
    public void TheDockerfileInstallsTheResistancesimCommand()
    {
        string dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "Dockerfile"));
        Assert.Contains("dotnet publish src/ResistanceSim.Cli", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/resistancesim", dockerfile, StringComparison.Ordinal);
    }

    /// <summary>The image's runtime stage must carry every shared framework the built command line asks for.</summary>
    [Fact]
    public void TheDockerfilesRuntimeImageHasEveryFrameworkTheCommandLineNeeds()
    {
        string dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "Dockerfile"));
        string runtimeImage = dockerfile.Split('\n').Last(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "resistancesim.runtimeconfig.json")));
        string[] frameworks = [.. config.RootElement.GetProperty("runtimeOptions").GetProperty("frameworks").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()!)];
        Assert.Contains("Microsoft.NETCore.App", frameworks);
        if (frameworks.Contains("Microsoft.AspNetCore.App"))
            Assert.Contains("mcr.microsoft.com/dotnet/aspnet:", runtimeImage, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found above " + AppContext.BaseDirectory);
    }
}
