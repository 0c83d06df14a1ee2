using System.Globalization;
using ResistanceSim.Output.Reading;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>docs/sweeps.md's PIVOT (P(progressed) by EGFR rate × crizotinib dose) is the run's: every cell equals the
/// share of progressed replicates in the summary table of a fresh run (exactly: shares of 8 replicates are exact).</summary>
public class SweepPivotTests
{
    [Fact]
    public void EveryCellOfThePivotIsTheRunsShareOfProgressedReplicates()
    {
        var block = MarkedBlock.Find(Repository.Root, "docs/sweeps.md", "run scenarios/sweep-mutation-rate-vs-dose.yaml");
        using var run = new DocRun(block.Command);
        var summary = RunTableReader.Read(run.RunDirectory, "summary");
        var shares = Enumerable.Range(0, summary.RowCount)
            .GroupBy(r => (Rate: summary.Double("catalog_EGFR_activation_probability_per_division", r),
                           Dose: summary.Double("protocol_0_drugs_crizotinib_concentration_nM", r)))
            .ToDictionary(g => g.Key, g => g.Average(r => summary.String("outcome", r) == "progressed" ? 1.0 : 0.0));

        string[] header = Numbers.Words(block.Lines[0]).Split(' ');
        double[] doses = [.. header.Skip(1).Select(Parse)];
        var shown = block.Lines.Skip(1).Select(l => Numbers.Words(l).Split(' ')).ToArray();
        Assert.Equal(shares.Count, shown.Length * doses.Length);   // the table shows every point
        foreach (string[] row in shown)
        {
            double rate = Parse(row[0]);
            for (int d = 0; d < doses.Length; d++)
                Assert.True(shares[(rate, doses[d])] == Parse(row[d + 1]),
                    $"{block}: rate {row[0]}, dose {header[d + 1]} shows {row[d + 1]}; the run gives {shares[(rate, doses[d])].ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
