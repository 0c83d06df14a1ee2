using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// <c>preset: nearest_on_new_patients</c>: the final population's <c>preset_candidates</c> members nearest the targets
/// on the fit's reduced cohorts are run again on full cohorts of new patients (the scenarios' own sizes, other seeds
/// than theirs), and the nearest there is the preset. On the fit's few dozen patients an arm a member's distance is its
/// luck with them as much as its parameters; full cohorts weigh the luck less, and patients neither the fit nor
/// <c>--check</c> sees keep the check an honest look. Each run is journaled the moment it ends, so <c>--resume</c> does
/// not repeat it; shards split the candidates as they split proposals (shard K runs candidates K, K+N, …) and run one
/// another's after a grace period, as in a generation.
/// </summary>
internal static class NewPatientsChoice
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs the candidates this shard owns (and, after the grace period, any another shard has not delivered), journals
    /// each, and returns the chosen member with every candidate's run. <c>runOnNewPatients</c> runs one member's values
    /// (NaN metrics when they cannot be simulated).
    /// </summary>
    public static PresetMember Choose(CalibrationPlan plan, AbcPopulation population, CalibrationJournal journal, ShardSpec shard,
        Func<double[], string, double[]> runOnNewPatients, TextWriter output, CancellationToken cancellation)
    {
        int[] candidates = PresetMember.Nearest(population, plan.Abc.PresetCandidates);
        var known = new Dictionary<ParticleSource, CalibrationJournal.Entry>();
        void Merge()
        {
            foreach (var entry in journal.ReadNew(plan.Parameters.Count, plan.Targets.Count))
                known.TryAdd(new ParticleSource(entry.Generation, entry.Index), entry);
        }
        Merge();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Choosing the preset: the {candidates.Length} members nearest on the fit's cohorts, run on full cohorts of new patients ({candidates.Count(m => known.ContainsKey(population.Sources[m]))} journaled already)."));

        double meanSeconds = 30;
        int ran = 0;
        void Run(int candidate)
        {
            int member = candidates[candidate];
            var source = population.Sources[member];
            var clock = Stopwatch.StartNew();
            double[] simulated = runOnNewPatients(population.Values[member], $"new-g{source.Generation}-p{source.Proposal}");
            var entry = new CalibrationJournal.Entry(source.Generation, source.Proposal, CalibrationDistance.Of(plan.Targets, simulated, plan.Abc.Distance),
                population.Values[member], simulated);
            journal.Append(entry);
            known.TryAdd(source, entry);
            meanSeconds += (clock.Elapsed.TotalSeconds - meanSeconds) / ++ran;   // the first run replaces the 30 s guess
            int within = plan.Targets.Where((t, i) => t.Within(simulated[i])).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  generation {source.Generation}, proposal {source.Proposal}: distance {population.Distances[member]:0.###} on the fit's cohorts, {entry.Distance:0.###} on new patients ({within} of {plan.Targets.Count} targets within tolerance; {clock.Elapsed.TotalSeconds:0} s)"));
        }

        for (int c = shard.Index; c < candidates.Length; c += shard.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            Merge();
            if (!known.ContainsKey(population.Sources[candidates[c]])) Run(c);
        }
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            Merge();
            int missing = Array.FindIndex(candidates, m => !known.ContainsKey(population.Sources[m]));
            if (missing < 0) break;
            cancellation.ThrowIfCancellationRequested();
            if (ShardGrace.IsOver(waiting.Elapsed, meanSeconds)) Run(missing);   // the shard that owns it may never run
            else Thread.Sleep(PollInterval);
        }

        var runs = candidates.Select(m => new CandidateRun(m, known[population.Sources[m]].Distance, known[population.Sources[m]].Simulated)).ToArray();
        // The lowest distance on new patients; a tie (or no finite distance at all) goes to the nearer on the fit's cohorts.
        var chosen = runs.Select((run, rank) => (run, rank))
            .OrderBy(x => double.IsNaN(x.run.Distance) ? double.PositiveInfinity : x.run.Distance).ThenBy(x => x.rank).First().run;
        return new PresetMember(chosen.Member, runs);
    }
}
