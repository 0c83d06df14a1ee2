using System.Globalization;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Plotting.Charts;
using ResistanceSim.Plotting.Report;
using ResistanceSim.Scenarios.Calibration;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// A finished calibration's run directory (docs/calibration.md, "Output"): <c>calibration/</c> (every parameter set
/// evaluated: generation, proposal, distance, accepted, weight, values, each target's simulated value and miss),
/// <c>posterior/</c> (the final population), <c>generations/</c>, <c>preset_candidates/</c> (with a preset chosen on
/// new patients: each candidate's run on them), <c>calibrated.yaml</c>, <c>plots/</c> and <c>report.html</c>. Every
/// shard of an array writes the same files (atomically), so whichever finishes last leaves them complete.
/// </summary>
internal static class CalibrationOutputs
{
    /// <summary>The preset file, written after every table: a directory holding it holds a finished fit.</summary>
    public const string PresetFile = "calibrated.yaml";

    public const string EvaluationsTable = "calibration", PosteriorTable = "posterior", GenerationsTable = "generations",
        PresetCandidatesTable = "preset_candidates";

    /// <summary>The tables a fit writes, in the order a reader meets them (<c>preset_candidates</c> only with a preset chosen on new patients).</summary>
    public static IReadOnlyList<string> Tables { get; } = [EvaluationsTable, PosteriorTable, GenerationsTable, PresetCandidatesTable];

    public static void Write(string runDirectory, LoadedCalibration calibration, CalibrationRunner.Result result, IReadOnlyList<CalibrationJournal.Entry> journal)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(journal);
        var plan = calibration.Plan;
        var provenance = new Provenance(Provenance.CurrentToolVersion, calibration.Document.Sha256Hex, plan.Seed, "abc-smc");
        var entries = new Dictionary<(int, int), CalibrationJournal.Entry>();
        foreach (var entry in journal) entries.TryAdd((entry.Generation, entry.Index), entry);
        var final = result.Populations[^1];
        WriteEvaluations(runDirectory, plan, result, entries, provenance);
        WritePosterior(runDirectory, plan, final, provenance);
        WriteGenerations(runDirectory, result, provenance);
        if (result.Preset?.CandidateRuns is { } runs) WritePresetCandidates(runDirectory, plan, final, result.Preset, runs, provenance);
        AtomicFile.WriteAllText(Path.Combine(runDirectory, PresetFile), CalibratedPreset.Write(plan, final, result.Preset, calibration.Document.Files[0], result.StopReason));
        AtomicFile.WriteAllText(Path.Combine(runDirectory, "calibration.yaml"), calibration.Document.ResolvedYaml);
        WriteReport(runDirectory, plan, result, TargetSummary.For(plan, final, result.Preset, entries));
    }

    public static void PrintSummary(TextWriter output, LoadedCalibration calibration, CalibrationRunner.Result result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(result);
        var final = result.Populations[^1];
        output.WriteLine($"Stopped: {result.StopReason}. Posterior (median [90% interval]):");
        for (int j = 0; j < calibration.Plan.Parameters.Count; j++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {calibration.Plan.Parameters[j].Path} = {final.Quantile(j, 0.5):G4} [{final.Quantile(j, 0.05):G4}, {final.Quantile(j, 0.95):G4}]"));
        if (result.Preset is { } preset)
            output.WriteLine($"calibrated.yaml sets the {preset.Describe(final)}.");
    }

    private static string TargetCaption(PresetMember? preset) =>
        "Targets against the final population (simulated: weighted median [90% interval] over the accepted particles)"
        + (preset is null ? ""
            : preset.OnNewPatients is null ? " and against the member calibrated.yaml sets (the lowest-distance one)"
            : " and against the member calibrated.yaml sets, on full cohorts of new patients (the nearest there of the members nearest on the fit's cohorts)");

    private static string[] TargetHeaders(PresetMember? preset) => preset is not null
        ? ["target", "published", "tolerance", "simulated", "within", "preset member", "within"]
        : ["target", "published", "tolerance", "simulated", "within"];

    private static IReadOnlyList<string> TargetRow(PresetMember? preset, TargetSummary t)
    {
        string[] row = [t.Target.Name, t.Published, TargetText.Tolerance(t.Target), t.Simulated, YesNo(t.Within)];
        return preset is not null ? [.. row, TargetText.Value(t.PresetMember), YesNo(t.Target.Within(t.PresetMember))] : row;
    }

    private static string YesNo(bool within) => within ? "yes" : "no";

    private static string Column(string text) => SweepColumnNames.ForPath(text.ToLowerInvariant());

    private static void WriteEvaluations(string runDirectory, CalibrationPlan plan, CalibrationRunner.Result result,
        Dictionary<(int, int), CalibrationJournal.Entry> entries, Provenance provenance)
    {
        var columns = new List<ColumnSpec>
        {
            new("generation", ColumnType.Int32, false, "", "ABC-SMC generation (0: drawn from the prior)"),
            new("proposal", ColumnType.Int32, false, "", "proposal index within the generation"),
            new("distance", ColumnType.Double, false, "", $"{CalibrationDistance.Describe(plan.Abc.Distance)} over the targets, each miss standardised by its tolerance (+inf: a target could not be measured)"),
            new("epsilon", ColumnType.Double, false, "", "the generation's tolerance"),
            new("accepted", ColumnType.Boolean, false, "", "in its generation's population"),
            new("weight", ColumnType.Double, true, "", "normalised importance weight in the population (null if not in it)"),
        };
        columns.AddRange(plan.Parameters.Select(p => new ColumnSpec("p_" + Column(p.Path), ColumnType.Double, false, "", $"parameter {p.Path}")));
        foreach (var t in plan.Targets)
        {
            columns.Add(new ColumnSpec("sim_" + Column(t.Name), ColumnType.Double, true, "", $"simulated {t.Name}"));
            columns.Add(new ColumnSpec("miss_" + Column(t.Name), ColumnType.Double, true, "", $"(simulated − published) / tolerance for {t.Name}"));
        }
        var generations = result.Populations.ToDictionary(p => p.Generation);
        // Per generation, the position in its population (its weight's index) of each of its own proposals that is a member.
        var members = result.Populations.ToDictionary(p => p.Generation, p => p.Sources.Select((source, member) => (source, member))
            .Where(x => x.source.Generation == p.Generation).ToDictionary(x => x.source.Proposal, x => x.member));
        var rows = entries.Values.Where(e => e.Generation < result.Generations.Count).OrderBy(e => e.Generation).ThenBy(e => e.Index).ToArray();
        var batch = new TableBatch(columns);
        batch.Reset(rows.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            var e = rows[r];
            var population = generations[e.Generation];
            int member = members[e.Generation].GetValueOrDefault(e.Index, -1);
            batch.Int32(0)[r] = e.Generation;
            batch.Int32(1)[r] = e.Index;
            batch.Double(2)[r] = e.Distance;
            batch.Double(3)[r] = result.Generations[e.Generation].Epsilon;
            batch.Boolean(4)[r] = member >= 0;
            batch.SetDoubleOrNull(5, r, member >= 0 ? population.Weights[member] : double.NaN);
            int c = 6;
            foreach (double v in e.Values) batch.Double(c++)[r] = v;
            for (int t = 0; t < plan.Targets.Count; t++)
            {
                batch.SetDoubleOrNull(c++, r, e.Simulated[t]);
                batch.SetDoubleOrNull(c++, r, plan.Targets[t].Miss(e.Simulated[t]));
            }
        }
        DerivedTable.Write(runDirectory, EvaluationsTable, batch, OutputFormat.Parquet, provenance);
    }

    private static void WritePosterior(string runDirectory, CalibrationPlan plan, Analysis.Calibration.AbcPopulation final, Provenance provenance)
    {
        var columns = new List<ColumnSpec>
        {
            new("generation", ColumnType.Int32, false, "", "generation of the evaluation the member carries (earlier than the last where a move was refused)"),
            new("proposal", ColumnType.Int32, false, "", "proposal index within that generation"),
            new("weight", ColumnType.Double, false, "", "normalised weight (importance, or equal after moves)"),
            new("distance", ColumnType.Double, false, "", "distance to the targets"),
        };
        columns.AddRange(plan.Parameters.Select(p => new ColumnSpec("p_" + Column(p.Path), ColumnType.Double, false, "", $"parameter {p.Path}")));
        var batch = new TableBatch(columns);
        batch.Reset(final.Count);
        for (int r = 0; r < final.Count; r++)
        {
            batch.Int32(0)[r] = final.Sources[r].Generation;
            batch.Int32(1)[r] = final.Sources[r].Proposal;
            batch.Double(2)[r] = final.Weights[r];
            batch.Double(3)[r] = final.Distances[r];
            for (int j = 0; j < plan.Parameters.Count; j++) batch.Double(4 + j)[r] = final.Values[r][j];
        }
        DerivedTable.Write(runDirectory, PosteriorTable, batch, OutputFormat.Parquet, provenance);
    }

    private static void WritePresetCandidates(string runDirectory, CalibrationPlan plan, Analysis.Calibration.AbcPopulation final, PresetMember preset,
        IReadOnlyList<CandidateRun> runs, Provenance provenance)
    {
        var columns = new List<ColumnSpec>
        {
            new("generation", ColumnType.Int32, false, "", "generation of the member's evaluation"),
            new("proposal", ColumnType.Int32, false, "", "proposal index within that generation"),
            new("distance", ColumnType.Double, false, "", "distance to the targets on the fit's reduced cohorts"),
            new("new_patients_distance", ColumnType.Double, false, "", "distance to the targets on the new patients (the mean over abc.preset_draws draws)"),
            new("chosen", ColumnType.Boolean, false, "", "the member calibrated.yaml sets"),
        };
        columns.AddRange(plan.Targets.Select(t => new ColumnSpec("sim_" + Column(t.Name), ColumnType.Double, true, "", $"simulated {t.Name} on the new patients (the mean over the draws)")));
        var batch = new TableBatch(columns);
        batch.Reset(runs.Count);
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            batch.Int32(0)[r] = final.Sources[run.Member].Generation;
            batch.Int32(1)[r] = final.Sources[run.Member].Proposal;
            batch.Double(2)[r] = final.Distances[run.Member];
            batch.Double(3)[r] = run.Distance;
            batch.Boolean(4)[r] = run.Member == preset.Member;
            for (int t = 0; t < plan.Targets.Count; t++) batch.SetDoubleOrNull(5 + t, r, run.Simulated[t]);
        }
        DerivedTable.Write(runDirectory, PresetCandidatesTable, batch, OutputFormat.Parquet, provenance);
    }

    private static void WriteGenerations(string runDirectory, CalibrationRunner.Result result, Provenance provenance)
    {
        ColumnSpec[] columns =
        [
            new("generation", ColumnType.Int32, false, "", "generation"),
            new("epsilon", ColumnType.Double, false, "", "tolerance (+inf for the prior generation)"),
            new("proposals", ColumnType.Int32, false, "", "proposals used to fill the generation"),
            new("accepted", ColumnType.Int32, false, "", "proposals accepted (importance: the particles; move: the moves)"),
            new("acceptance_rate", ColumnType.Double, false, "fraction", "accepted / proposals"),
            new("effective_sample_size", ColumnType.Double, false, "", "(Σw)² / Σw² of the population's weights, over distinct parameter sets"),
            new("seconds", ColumnType.Double, false, "s", "wall time of the generation in the process that completed it"),
        ];
        var batch = new TableBatch(columns);
        batch.Reset(result.Generations.Count);
        for (int r = 0; r < result.Generations.Count; r++)
        {
            var g = result.Generations[r];
            batch.Int32(0)[r] = g.Generation;
            batch.Double(1)[r] = g.Epsilon;
            batch.Int32(2)[r] = g.Proposals;
            batch.Int32(3)[r] = g.Accepted;
            batch.Double(4)[r] = g.AcceptanceRate;
            batch.Double(5)[r] = g.EffectiveSampleSize;
            batch.Double(6)[r] = g.Seconds;
        }
        DerivedTable.Write(runDirectory, GenerationsTable, batch, OutputFormat.Parquet, provenance);
    }

    private static void WriteReport(string runDirectory, CalibrationPlan plan, CalibrationRunner.Result result, IReadOnlyList<TargetSummary> targets)
    {
        var final = result.Populations[^1];
        string plots = Path.Combine(runDirectory, "plots");
        Directory.CreateDirectory(plots);
        var report = new HtmlReport($"Calibration {plan.Name}")
            .AddHeading($"Calibration {plan.Name}")
            .AddDescription($"ABC-SMC with {plan.Abc.Particles} particles; {result.Generations.Count} generations; stopped: {result.StopReason}.")
            .AddTable(TargetCaption(result.Preset), TargetHeaders(result.Preset), targets.Select(t => TargetRow(result.Preset, t)))
            .AddTable("Generations", ["generation", "tolerance", "proposals", "acceptance", "effective sample size", "seconds"],
                result.Generations.Select(g => (IReadOnlyList<string>)
                [
                    g.Generation.ToString(CultureInfo.InvariantCulture), double.IsInfinity(g.Epsilon) ? "∞" : TargetText.Value(g.Epsilon),
                    g.Proposals.ToString(CultureInfo.InvariantCulture), g.AcceptanceRate.ToString("P0", CultureInfo.InvariantCulture),
                    g.EffectiveSampleSize.ToString("0", CultureInfo.InvariantCulture), g.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                ]));
        string fit = TargetFitChart.Render("Targets: accepted particles against the published values",
            [.. targets.Select(t => new TargetFitRow($"{t.Target.Name} ({t.Published})", t.Misses))]);
        AtomicFile.WriteAllText(Path.Combine(plots, "targets.svg"), fit);
        report.AddChart("Each target's standardised miss for every accepted particle; the shaded band is within tolerance.", fit);
        for (int j = 0; j < plan.Parameters.Count; j++)
        {
            var parameter = plan.Parameters[j];
            var (min, max) = parameter.Prior.Support;
            string svg = PosteriorMarginalChart.Render(new PosteriorMarginalInput(parameter.Path, parameter.Path,
                [.. final.Values.Select(v => v[j])], final.Weights, min, max, parameter.Prior is LogUniformPrior,
                final.Quantile(j, 0.5), final.Quantile(j, 0.05), final.Quantile(j, 0.95), double.NaN));
            AtomicFile.WriteAllText(Path.Combine(plots, $"posterior-{Column(parameter.Path)}.svg"), svg);
            report.AddChart($"{parameter.Path}: posterior over its prior {parameter.Prior.Describe()}.", svg);
        }
        AtomicFile.WriteAllText(Path.Combine(runDirectory, "report.html"), report.Build());
    }
}
