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
}
