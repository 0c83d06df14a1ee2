namespace ResistanceSim.Analysis;

/// <summary>Argument checks shared by the estimators, so every method states its parameter ranges
/// the same way (document parameter ranges and check them).</summary>
internal static class Guard
{
    public static void ConfidenceLevel(double level, string name)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(name, level, "Confidence level must lie in (0, 1).");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be finite.");
        }
    }

    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("All values must be finite.", name);
            }
        }
    }

    /// <summary>Two-sided standard-normal critical value for a confidence level (1.959964 for 0.95).</summary>
    public static double NormalQuantile(double confidenceLevel) =>
        MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
}
