using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using ResistanceSim.Cli;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary>
/// Issue #17, item 7: over random scenarios (mostly valid, some not), <c>validate</c> saying OK implies that <c>run</c>
/// starts, stops with exit 130 and the resume hint when cancelled as it starts, and completes with <c>--resume</c>;
/// <c>validate</c> refusing implies <c>run</c> refuses too and writes nothing. Fixed seed: the same cases every run.
/// </summary>
public class ValidRunProperties
{
    /// <summary>The case generator's seed; on a failure FsCheck prints the case, which replays with this seed.</summary>
    private const ulong Seed = 1017;

    /// <summary>SplitMix64's golden-ratio increment (odd, as FsCheck's generator requires).</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private sealed record Case(string Engine, double Cells, double BirthPerDay, double DeathPerDay, double DoseNanoMolar,
        double Days, double EveryDays, int Replicates, string[] Mechanisms, bool Logistic)
    {
        public string Yaml() => string.Create(CultureInfo.InvariantCulture, $$"""
            name: property
            description: a random scenario of the validate-implies-run property
            seed: 7
            replicates: {{Replicates}}
            engine: {{Engine}}
            include: [presets/alk-nsclc.yaml, presets/drugs.yaml]
            mechanisms: [{{string.Join(", ", Mechanisms)}}]
            population:
              initial: [{ genotype: parental, cells: {{Cells:R}} }]
              b0_per_day: {{BirthPerDay:R}}
              d0_per_day: {{DeathPerDay:R}}
              drug_death_per_day: 0.5
            {{(Logistic ? "  growth_limit: { kind: logistic, capacity_cells: 1.0e5 }" : "")}}
            protocol:
              - phase: continuous
                days: {{Days:R}}
                drugs: { crizotinib: { concentration_nM: {{DoseNanoMolar:R}} } }
            sampling: { every_days: {{EveryDays:R}} }
            stop: { days: {{Days:R}}, max_cells: 1.0e6 }
            """);
    }

    // Mostly valid values, with a share of values each rule refuses (negative, zero, non-integral, infinite).
    private static readonly Gen<Case> Cases =
        from engine in Gen.Elements("exact", "tau", "hybrid", "ode")
        from cells in Gen.Frequency((8, Gen.Choose(1, 20_000).Select(c => (double)c)), (1, Gen.Elements(0.0, 1.5, -3.0)))
        from birth in Gen.Frequency((8, Gen.Choose(1, 100).Select(b => b / 100.0)), (1, Gen.Elements(0.0, -0.1, double.PositiveInfinity)))
        from death in Gen.Frequency((8, Gen.Choose(0, 80).Select(d => d / 100.0)), (1, Gen.Elements(-1.0, 2e5)))
        from dose in Gen.Frequency((8, Gen.Choose(0, 1000).Select(d => (double)d)), (1, Gen.Elements(-5.0, 1e8)))
        from days in Gen.Frequency((8, Gen.Choose(1, 20).Select(d => (double)d)), (1, Gen.Elements(0.0, 1e9)))
        from every in Gen.Elements(0.5, 1.0, 5.0, -1.0)
        from replicates in Gen.Choose(1, 3)
        from mechanisms in Gen.SubListOf(new[] { "ALK_L1196M", "EGFR_activation", "EMT" }).Select(m => m.ToArray())
        from logistic in Gen.Elements(true, false)
        select new Case(engine, cells, birth, death, dose, days, every, replicates, mechanisms, logistic);

    [Fact]
    public void ValidateOkImpliesTheRunStartsCanBeCancelledAndResumes()
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(16)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, Gamma), FSharpOption<int>.None)));
        var outcomes = new List<bool>();
        Prop.ForAll(Arb.From(Cases), scenario => Holds(scenario, outcomes)).Check(config);
        // Both implications were exercised: some cases validated (and ran), some were refused.
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    private static bool Holds(Case scenario, List<bool> validated)
    {
        using var temp = new TempDirectory();
        string path = temp.File("property.yaml", scenario.Yaml());
        string output = Path.Combine(temp.Path, "out");
        var validate = Support.Cli.Run("validate", path);
        validated.Add(validate.ExitCode == 0);
        string[] run = ["run", path, "--out", output, "--threads", "1", "--no-plots"];
        if (validate.ExitCode != 0)
        {
            var refused = Support.Cli.Run(run);
            return validate.ExitCode == 2 && refused.ExitCode == 2 && !Directory.Exists(output);
        }

        // Cancel the moment the run announces its work units: it has loaded, created its directory and is starting the workers.
        using var cancellation = new CancellationTokenSource();
        var started = new CancelOnWrite(cancellation, "work units");
        var error = new StringWriter();
        int cancelled = CommandLine.InvokeAsync(run, started, error, cancellation.Token).GetAwaiter().GetResult();
        if (cancelled != ExitCodes.Cancelled || !error.ToString().Contains("--resume", StringComparison.Ordinal)) return false;

        var resumed = Support.Cli.Run([.. run, "--resume"]);
        return resumed.ExitCode == 0 && File.Exists(Path.Combine(output, "property", "manifest.json"));
    }

    /// <summary>Captures output and cancels when a line containing <paramref name="marker"/> is written.</summary>
    private sealed class CancelOnWrite(CancellationTokenSource source, string marker) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true) source.Cancel();
        }
    }
}
