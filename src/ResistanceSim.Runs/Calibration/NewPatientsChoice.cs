using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// <c>preset: nearest_on_new_patients</c>: the final population's <c>preset_candidates</c> members nearest the targets
/// on the fit's reduced cohorts are run again on full cohorts of new patients (the scenarios' own sizes, other seeds
/// than theirs) — on <c>preset_draws</c> draws of them — and the nearest there, by the mean of its distances over the
/// draws, is the preset. On the fit's few dozen patients an arm a member's distance is its luck with them as much as
/// its parameters; full cohorts weigh the luck less, several draws less again, and patients neither the fit nor
/// <c>--check</c> sees keep the check an honest look. Each run is journaled the moment it ends (a journal per draw),
/// so <c>--resume</c> does not repeat it; shards split the runs as they split proposals (shard K runs K, K+N, … of the
/// candidates' runs, draw by draw within a candidate) and run one another's after a grace period, as in a generation.
/// </summary>
internal static class NewPatientsChoice
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs the candidates' runs this shard owns (and, after the grace period, any another shard has not delivered),
    /// journals each in its draw's journal (<paramref name="journals"/>, one per draw), and returns the chosen member with
    /// every candidate's result. <c>runOnNewPatients</c> runs one member's values on one draw (NaN metrics when they
    /// cannot be simulated).
    /// </summary>
    public static PresetMember Choose(CalibrationPlan plan, AbcPopulation population, IReadOnlyList<CalibrationJournal> journals,
        ShardSpec shard, Func<double[], string, int, double[]> runOnNewPatients, TextWriter output, CancellationToken cancellation)
    {
        int draws = journals.Count;
        int[] candidates = PresetMember.Nearest(population, plan.Abc.PresetCandidates);
        var known = new Dictionary<(ParticleSource Source, int Draw), CalibrationJournal.Entry>();
        void Merge()
        {
            for (int d = 0; d < draws; d++)
                foreach (var entry in journals[d].ReadNew(plan.Parameters.Count, plan.Targets.Count))
                    known.TryAdd((new ParticleSource(entry.Generation, entry.Index), d), entry);
        }
        // Run r is candidate r / draws on draw r % draws.
        int runCount = candidates.Length * draws;
        (ParticleSource Source, int Draw) Key(int run) => (population.Sources[candidates[run / draws]], run % draws);
        Merge();
        string onDraws = draws == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({draws} draws each)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Choosing the preset: the {candidates.Length} members nearest on the fit's cohorts, run on full cohorts of new patients{onDraws} ({Enumerable.Range(0, runCount).Count(r => known.ContainsKey(Key(r)))} of {runCount} runs journaled already)."));

        double meanSeconds = 30;
        int ran = 0;
        void Run(int run)
        {
            int member = candidates[run / draws];
            var (source, draw) = Key(run);
            var clock = Stopwatch.StartNew();
            string drawLabel = draws == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-d{draw + 1}");
            double[] simulated = runOnNewPatients(population.Values[member], $"new-g{source.Generation}-p{source.Proposal}{drawLabel}", draw);
            var entry = new CalibrationJournal.Entry(source.Generation, source.Proposal, CalibrationDistance.Of(plan.Targets, simulated, plan.Abc.Distance),
                population.Values[member], simulated);
            journals[draw].Append(entry);
            known.TryAdd((source, draw), entry);
            meanSeconds += (clock.Elapsed.TotalSeconds - meanSeconds) / ++ran;   // the first run replaces the 30 s guess
            int within = plan.Targets.Where((t, i) => t.Within(simulated[i])).Count();
            string ofDraws = draws == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", draw {draw + 1} of {draws}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  generation {source.Generation}, proposal {source.Proposal}{ofDraws}: distance {population.Distances[member]:0.###} on the fit's cohorts, {entry.Distance:0.###} on new patients ({within} of {plan.Targets.Count} targets within tolerance; {clock.Elapsed.TotalSeconds:0} s)"));
        }

        for (int r = shard.Index; r < runCount; r += shard.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            Merge();
            if (!known.ContainsKey(Key(r))) Run(r);
        }
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            Merge();
            int missing = Enumerable.Range(0, runCount).FirstOrDefault(r => !known.ContainsKey(Key(r)), -1);
            if (missing < 0) break;
            cancellation.ThrowIfCancellationRequested();
            if (ShardGrace.IsOver(waiting.Elapsed, meanSeconds)) Run(missing);   // the shard that owns it may never run
            else Thread.Sleep(PollInterval);
        }

        var runs = candidates.Select(m => CandidateRun.OverDraws(m, [.. Enumerable.Range(0, draws).Select(d => known[(population.Sources[m], d)])])).ToArray();
        // The lowest distance on new patients; a tie (or no finite distance at all) goes to the nearer on the fit's cohorts.
        var chosen = runs.Select((run, rank) => (run, rank))
            .OrderBy(x => double.IsNaN(x.run.Distance) ? double.PositiveInfinity : x.run.Distance).ThenBy(x => x.rank).First().run;
        return new PresetMember(chosen.Member, runs);
    }
}
