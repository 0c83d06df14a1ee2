using Xunit;
using ResistanceSim.Analysis.Trials;

namespace ResistanceSim.Analysis.Tests.Trials;

public class ArmCourseTests
{
    [Fact]
    public void SummarisesCureSwitchesAndTheResistantFractionAtTheStart()
    {
        bool[] cured = [true, false, false, true, false, false, false, false, false, false];
        double[] resistant = [0.0, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.6, 0.9];
        int[] lines = [1, 2, 1, 1, 2, 2, 1, 1, 1, 1];
        var course = ArmCourse.Summarise("a", cured, resistant, lines);
        Assert.Equal(2, course.Cured.Successes);
        Assert.Equal(0.2, course.Cured.Proportion, 12);
        Assert.True(course.Cured.Interval.Lower < 0.2 && course.Cured.Interval.Upper > 0.2);
        Assert.Equal(3, course.SwitchedLines);
        Assert.Equal(0.0045, course.ResistantFractionMedian, 12);             // R type 7: halfway between the 5th and 6th values
        Assert.Equal(0.6 + 0.1 * (0.9 - 0.6), course.ResistantFractionP90, 12);
        Assert.Equal(2, course.MostlyResistant.Successes);
    }

    [Fact]
    public void RefusesListsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => ArmCourse.Summarise("a", [true], [0.1, 0.2], [1]));
}
