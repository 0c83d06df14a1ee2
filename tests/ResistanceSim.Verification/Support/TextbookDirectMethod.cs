using ResistanceSim.Engine.Random;

namespace ResistanceSim.Verification.Support;

/// <summary>
/// Gillespie's direct method as first written (Gillespie 1977), for independent clones that divide at b and die at d per
/// cell per day: the waiting time by inversion, the clone by a linear search over the clones' propensities, birth or
/// death by a second uniform. Nothing of the engine's selection (composition–rejection, reused uniforms, thinning) is
/// shared, so the exact engine can be compared with it outcome for outcome.
/// </summary>
public static class TextbookDirectMethod
{
    /// <summary>Each clone's cells at <paramref name="days"/> (or at extinction), from <paramref name="initialCells"/>.</summary>
    public static long[] Run(IReadOnlyList<long> initialCells, double birth, double death, double days, ulong seed)
    {
        var cells = initialCells.ToArray();
        var rng = new Xoshiro256StarStar(seed);
        double day = 0;
        while (true)
        {
            double total = (birth + death) * cells.Sum();
            if (total == 0) return cells;
            day += -Math.Log(rng.NextOpenDouble()) / total;
            if (day > days) return cells;
            double target = rng.NextDouble() * total;
            int chosen = 0;
            while (chosen < cells.Length - 1 && target >= (birth + death) * cells[chosen])
            {
                target -= (birth + death) * cells[chosen];
                chosen++;
            }
            cells[chosen] += rng.NextDouble() * (birth + death) < birth ? 1 : -1;
        }
    }
}
