namespace ResistanceSim.Tests.Support;

/// <summary>Composite Simpson's rule, the tests' numerical integral where a closed form is checked against one.</summary>
public static class Simpson
{
    /// <summary>∫ f over [<paramref name="from"/>, <paramref name="to"/>] on <paramref name="panels"/> equal panels (even for the rule's order).</summary>
    public static double Integrate(Func<double, double> f, double from, double to, int panels)
    {
        double h = (to - from) / panels, sum = f(from) + f(to);
        for (int i = 1; i < panels; i++) sum += f(from + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
