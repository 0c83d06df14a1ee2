using System.Runtime.CompilerServices;
using FsCheck;
using Microsoft.FSharp.Core;

namespace ResistanceSim.Testing;

/// <summary>
/// Runs an FsCheck property from a seed fixed per property (derived from its file and method names),
/// so the fast suites give the same cases on every run and cannot flake; a failure names the seed to
/// replay. Compiled with RANDOMIZED_PROPERTY_SWEEP (the verification suite links the property files),
/// each run draws a fresh seed and tries ten times as many cases, and prints the seed on failure.
/// Setting RESISTANCESIM_PROPERTY_SEED replays a seed in either mode.
/// </summary>
internal static class PropertyCheck
{
    public const string SeedVariable = "RESISTANCESIM_PROPERTY_SEED";

    /// <summary>FsCheck's default number of cases per property.</summary>
    private const int FastSuiteCases = 100;

    /// <summary>An odd SplitMix64 increment (the golden ratio in 64 bits), fixed so that a seed alone replays.</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15;

#if RANDOMIZED_PROPERTY_SWEEP
    private const int Cases = 10 * FastSuiteCases;
#else
    private const int Cases = FastSuiteCases;
#endif

    public static void Verify(Property property, [CallerMemberName] string name = "", [CallerFilePath] string file = "")
    {
        string property_ = $"{Path.GetFileNameWithoutExtension(file)}.{name}";
        ulong seed = SeedFor(property_);
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(Cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, Gamma), FSharpOption<int>.None)));
        try
        {
            property.Check(config);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException(
                $"{property_} failed from seed {seed} ({Cases} cases); replay with {SeedVariable}={seed}.{Environment.NewLine}{e.Message}");
        }
    }

    private static ulong SeedFor(string property)
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } replay)
        {
            return ulong.Parse(replay, System.Globalization.CultureInfo.InvariantCulture);
        }

#if RANDOMIZED_PROPERTY_SWEEP
        return (ulong)Random.Shared.NextInt64(long.MaxValue);
#else
        // FNV-1a over the name: stable across runs, machines and .NET versions (string.GetHashCode is not).
        ulong hash = 14695981039346656037;
        foreach (char c in property)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
#endif
    }
}
