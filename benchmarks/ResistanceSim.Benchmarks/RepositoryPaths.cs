namespace ResistanceSim.Benchmarks;

/// <summary>BenchmarkDotNet runs a benchmark from a generated project under this project's bin folder, so files of the
/// repository are found by walking up from there.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository's root: the first folder above the running assembly that holds benchmarks/scenarios.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "benchmarks", "scenarios"))) return dir.FullName;
        throw new DirectoryNotFoundException("benchmarks/scenarios not found above " + AppContext.BaseDirectory);
    }
}
