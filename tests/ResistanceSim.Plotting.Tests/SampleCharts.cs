using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Plotting.Tests;

/// <summary>
/// Known, synthetic chart inputs (illustrative values, not simulation output) shared by the unit
/// tests and, through a linked file, by the integration tests.
/// </summary>
public static class SampleCharts
{
    public const int PopulationMechanismCount = 3;
    public const int PopulationConcentrationCount = 2;

    public static double[] Days(int count, double step = 1) => [.. Enumerable.Range(0, count).Select(i => i * step)];

    public static PopulationChartInput Population()
    {
        var t = Days(61);
        double[] sensitive = [.. t.Select(d => 1e6 * Math.Exp(-0.25 * d) + 1)];
        double[] egfr = [.. t.Select(d => 40 * Math.Exp(0.22 * d) / (1 + (40 * (Math.Exp(0.22 * d) - 1) / 4e6)))];
        double[] l1196m = [.. t.Select(d => d < 12 ? 0 : 3 * Math.Exp(0.18 * (d - 12)))];
        double[] emt = [.. t.Select(d => 200 * Math.Exp(-0.05 * d) + (d > 30 ? 50 : 0))];
        double[] total = [.. t.Select((_, i) => sensitive[i] + egfr[i] + l1196m[i] + emt[i])];
        double[] crizotinib = [.. t.Select(d => d < 40 ? 300.0 : 0.0)];
        double[] lorlatinib = [.. t.Select(d => d >= 40 ? 100.0 : 0.0)];
        return new PopulationChartInput(
            "Tumour burden under crizotinib → lorlatinib",
            new TimeSeries("Total", t, total),
            [new TimeSeries("EGFR bypass", t, egfr), new TimeSeries("ALK L1196M", t, l1196m), new TimeSeries("EMT", t, emt)],
            [new TimeSeries("Crizotinib", t, crizotinib), new TimeSeries("Lorlatinib", t, lorlatinib)],
            [new PhaseBand(0, 40, "Crizotinib 300 nM"), new PhaseBand(40, 60, "Lorlatinib 100 nM")]);
    }

    public const int MullerCloneCount = 5;

    public static MullerInput Muller()
    {
        var t = Days(61);
        double Logistic(double day, double start, double rate, double size) =>
            day < start ? 0 : size / (1 + ((size - 1) * Math.Exp(-rate * (day - start))));
        double[] parental = [.. t.Select(d => 1e6 * Math.Exp(-0.15 * d) + 10)];
        double[] egfr = [.. t.Select(d => Logistic(d, 0, 0.2, 5e5))];
        double[] l1196m = [.. t.Select(d => Logistic(d, 8, 0.25, 3e5))];
        double[] compound = [.. t.Select(d => Logistic(d, 30, 0.35, 2e5))];
        double[] emt = [.. t.Select(d => d < 5 ? 0 : 5e3 * Math.Exp(-0.02 * d))];
        return new MullerInput("Clonal dynamics (Muller plot)", t,
        [
            new MullerClone(1, null, "Parental", "Parental", parental),
            new MullerClone(2, 1, "EGFR bypass", "Bypass", egfr),
            new MullerClone(3, 1, "L1196M", "ALK mutation", l1196m),
            new MullerClone(4, 3, "L1196M+G1202R", "ALK mutation", compound),
            new MullerClone(5, 1, "EMT", "Phenotype", emt),
        ]);
    }

    public static DoseResponseInput DoseResponse()
    {
        double[] conc = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
        var parentalFit = new HillCurve(0.05, 1.0, 60, 1.2);
        var evolvedFit = new HillCurve(0.1, 1.0, 900, 1.0);
        double[] Wiggle(HillCurve f) => [.. conc.Select((c, i) => f.Evaluate(c) + (0.03 * Math.Sin(i * 1.7)))];
        return new DoseResponseInput("Crizotinib dose–response: parental vs evolved",
        [
            new DoseResponseSeries("Parental H3122", conc, Wiggle(parentalFit))
            {
                Error = [.. conc.Select(_ => 0.05)], Fit = parentalFit, Ic50Interval = new Interval(45, 80),
            },
            new DoseResponseSeries("Evolved (day 60)", conc, Wiggle(evolvedFit))
            {
                Error = [.. conc.Select(_ => 0.07)], Fit = evolvedFit, Ic50Interval = new Interval(600, 1400),
            },
        ]);
    }

    public static KaplanMeierInput KaplanMeier() => new("Virtual trial: progression-free survival",
    [
        KaplanMeierArmFrom("Continuous crizotinib", 40, 180, 7),
        KaplanMeierArmFrom("Intermittent crizotinib", 40, 300, 5),
        KaplanMeierArmFrom("Crizotinib + erlotinib", 40, 420, 4),
    ]);

    /// <summary>
    /// A product-limit estimate of n deterministic exponential quantiles (mean <paramref name="meanDays"/>),
    /// every k-th censored and administrative censoring at day 720; Greenwood intervals clamped to [0, 1].
    /// </summary>
    public static KaplanMeierArm KaplanMeierArmFrom(string name, int n, double meanDays, int censorEvery)
    {
        var subjects = Enumerable.Range(1, n)
            .Select(i => (Time: Math.Min(720, -meanDays * Math.Log(1 - ((i - 0.5) / n))), Censored: i % censorEvery == 0))
            .Select(s => s.Time >= 720 ? (s.Time, Censored: true) : s)
            .OrderBy(s => s.Time).ToArray();
        var times = new List<double>();
        var survival = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        var atRisk = new List<int>();
        var censor = new List<double>();
        double s = 1, greenwood = 0;
        int risk = n;
        foreach (var group in subjects.GroupBy(x => x.Time))
        {
            int events = group.Count(x => !x.Censored);
            int total = group.Count();
            if (events > 0)
            {
                s *= 1 - ((double)events / risk);
                greenwood += risk > events ? events / ((double)risk * (risk - events)) : 0;
            }
            else
            {
                censor.Add(group.Key);
            }

            double se = s * Math.Sqrt(greenwood);
            times.Add(group.Key);
            survival.Add(s);
            lower.Add(Math.Max(0, s - (1.96 * se)));
            upper.Add(Math.Min(1, s + (1.96 * se)));
            atRisk.Add(risk);
            risk -= total;
        }

        return new KaplanMeierArm(name, [.. times], [.. survival], [.. lower], [.. upper], [.. atRisk], [.. censor]);
    }

    public static HeatmapInput Heatmap()
    {
        double[] doses = [30, 100, 300, 1000];
        double[] rates = [1e-8, 1e-7, 1e-6, 1e-5, 1e-4];
        double[][] values = [.. rates.Select((u, r) => doses.Select((d, c) =>
            r == 0 && c == 3 ? double.NaN : Math.Round(400 / (1 + (Math.Log10(u) + 9) * 0.4) * (1 + (0.3 * c)))).ToArray())];
        return new HeatmapInput("Median time to progression across the sweep",
            "Crizotinib concentration (nM)", [.. doses.Select(Scales.NumberFormat.Compact)],
            "Mutation probability per division", [.. rates.Select(Scales.NumberFormat.Compact)],
            values, "Median TTP (days)");
    }

    public static SweepLineInput SweepLine()
    {
        double[] x = [1e-8, 3e-8, 1e-7, 3e-7, 1e-6, 3e-6, 1e-5];
        SweepSeries Series(string name, double scale) => new(name, x, [.. x.Select(u => scale * (60 - (4 * Math.Log10(u))))])
        {
            Lower = [.. x.Select(u => (scale * (60 - (4 * Math.Log10(u)))) - 6)],
            Upper = [.. x.Select(u => (scale * (60 - (4 * Math.Log10(u)))) + 6)],
        };
        return new SweepLineInput("Time to progression vs mutation probability", "Mutation probability per division",
            "Median TTP (days)", [Series("Continuous", 1), Series("Intermittent", 1.4)]) { LogX = true };
    }

    public static CompositionInput Composition() => new("Mechanism at progression",
        ["Continuous", "Intermittent", "Crizotinib + erlotinib", "Adaptive"],
        ["ALK mutation", "ALK amplification", "EGFR bypass", "MET bypass", "EMT"],
        [[12, 3, 15, 2, 4], [8, 5, 9, 3, 6], [14, 2, 1, 6, 3], [0, 0, 0, 0, 0]])
    {
        ProgressedCounts = [36, 31, 26, 0],
    };
}
