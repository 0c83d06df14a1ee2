using System.Text.RegularExpressions;
using ResistanceSim.Runs;
using ResistanceSim.Runs.Reporting;

namespace ResistanceSim.Tests.Runs;

/// <summary>The chart of a run in progress draws the units finished so far and says how many of how many are done.</summary>
public class LivePopulationChartTests
{
    private static RunProgress Finished(int done, int total) => new(RunStage.Running, done, total)
    {
        Unit = new UnitTotals(0, 0, done - 1, [0, 1, 2], [100, 150 * done, 200 * done]),
    };

    [Fact]
    public void DrawsEachFinishedUnitUpToItsLineLimit()
    {
        var chart = new LivePopulationChart("demo");
        Assert.Null(chart.Render());
        Assert.False(chart.Add(new RunProgress(RunStage.Started, 0, 12)));
        Assert.Null(chart.Render());

        Assert.True(chart.Add(Finished(1, 12)));
        Assert.True(chart.Add(Finished(2, 12)));
        string two = chart.Render()!;
        Assert.Contains("demo: total cells, 2 of 12 work units done", two, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(two, "series total"));
        Assert.Single(Regex.Matches(two, "series mechanism"));

        for (int done = 3; done <= 10; done++) chart.Add(Finished(done, 12));
        string ten = chart.Render()!;
        Assert.Contains($"10 of 12 work units done (the first {LivePopulationChart.MaxLines} drawn)", ten, StringComparison.Ordinal);
        Assert.Equal(LivePopulationChart.MaxLines - 1, Regex.Matches(ten, "series mechanism").Count);
        Assert.Equal(10, chart.UnitsDone);
    }

    [Fact]
    public void DrawsTheDrugLevelsOfTheFirstUnitNamedAfterItOnceThereAreSeveral()
    {
        static RunProgress Dosed(int done, double nanoMolar) => new(RunStage.Running, done, 4)
        {
            Unit = new UnitTotals(done - 1, 0, 0, [0, 1, 2], [100, 80, 60]) { DrugLevels = [new DrugLevels("crizotinib", [0, nanoMolar, nanoMolar])] },
        };
        var chart = new LivePopulationChart("demo");
        chart.Add(Dosed(1, 300));
        string one = chart.Render()!;
        Assert.Single(Regex.Matches(one, "series concentration"));
        Assert.Contains(">crizotinib<", one, StringComparison.Ordinal);
        Assert.Contains("Drug concentration (nM)", one, StringComparison.Ordinal);

        chart.Add(Dosed(2, 600));   // another arm's unit: drawn as a population line, its drug level not
        string two = chart.Render()!;
        Assert.Single(Regex.Matches(two, "series concentration"));
        Assert.Contains(">crizotinib (arm 0, point 0, replicate 0)<", two, StringComparison.Ordinal);
        Assert.Contains(">300<", two, StringComparison.Ordinal);   // the right axis reaches the first unit's level only
        Assert.DoesNotContain(">600<", two, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutDrugsThereIsNoConcentrationAxis()
    {
        var chart = new LivePopulationChart("demo");
        chart.Add(Finished(1, 2));
        Assert.DoesNotContain("series concentration", chart.Render()!, StringComparison.Ordinal);
        Assert.DoesNotContain("Drug concentration (nM)", chart.Render()!, StringComparison.Ordinal);
    }
}
