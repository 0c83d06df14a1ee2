using System.Globalization;

namespace ResistanceSim.Plotting.Scales;

/// <summary>
/// Tick values a reader can interpolate between: steps of 1, 2 or 5 × 10^k on linear axes
/// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990) and powers of ten on
/// logarithmic axes.
/// </summary>
public static class NiceTicks
{
    private static readonly int[] Mantissas = [1, 2, 5, 10];

    /// <summary>
    /// Evenly spaced nice ticks whose first value is ≤ <paramref name="min"/> and last is
    /// ≥ <paramref name="max"/> (the ticks cover the range, so an axis can extend to them).
    /// The step is the 1-2-5 value closest (in ratio) to range / <paramref name="targetCount"/>,
    /// so the count is at most about 1.6 × target + 2.
    /// </summary>
    public static double[] Linear(double min, double max, int targetCount)
    {
        var (step, _, _) = LinearStep(min, max, targetCount);
        return LinearWithStep(min, max, step);
    }

    /// <summary>The step <see cref="Linear"/> uses, as mantissa (1, 2, 5 or 10) × 10^exponent.</summary>
    public static (double Step, int Mantissa, int Exponent) LinearStep(double min, double max, int targetCount)
    {
        ValidateRange(min, max);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 2);
        (min, max) = WidenDegenerate(min, max);

        double rough = (max - min) / targetCount;
        int exponent = (int)Math.Floor(Math.Log10(rough));
        int bestMantissa = 1;
        double bestDistance = double.MaxValue;
        foreach (int mantissa in Mantissas)
        {
            double distance = Math.Abs(Math.Log(mantissa * Math.Pow(10, exponent) / rough));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestMantissa = mantissa;
            }
        }

        if (bestMantissa == 10)
        {
            bestMantissa = 1;
            exponent++;
        }

        return (PowerOfTen(exponent) * bestMantissa, bestMantissa, exponent);
    }

    /// <summary>
    /// Powers of ten from 10^floor(log10 min) to 10^ceil(log10 max). When the range spans more
    /// than 10 decades only every second (third, …) decade is returned, always including both ends.
    /// </summary>
    public static double[] Log(double min, double max)
    {
        ValidateRange(min, max);
        if (!(min > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "A logarithmic axis needs a positive minimum.");
        }

        var (low, high) = DecadeRange(min, max);
        int stride = DecadeStride(low, high);
        // Align the stride so both ends are ticks: extend the upper end to a multiple of it.
        int decades = high - low;
        high = low + (int)Math.Ceiling(decades / (double)stride) * stride;
        var ticks = new List<double>();
        for (int k = low; k <= high; k += stride)
        {
            ticks.Add(PowerOfTen(k));
        }

        return [.. ticks];
    }

    /// <summary>Minor ticks 2..9 × 10^k strictly inside (min, max); empty when decades are thinned.</summary>
    public static double[] LogMinor(double min, double max)
    {
        var (low, high) = DecadeRange(min, max);
        if (DecadeStride(low, high) > 1)
        {
            return [];
        }

        var minor = new List<double>();
        for (int k = low; k < high; k++)
        {
            for (int m = 2; m <= 9; m++)
            {
                double value = m * PowerOfTen(k);
                if (value > min && value < max)
                {
                    minor.Add(value);
                }
            }
        }

        return [.. minor];
    }

    /// <summary>10^k, correctly rounded (Math.Pow may be off by an ulp for negative k).</summary>
    public static double PowerOfTen(int exponent) =>
        double.Parse("1e" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    internal static double[] LinearWithStep(double min, double max, double step)
    {
        (min, max) = WidenDegenerate(min, max);
        long first = (long)Math.Floor((min / step) + 1e-9);
        long last = (long)Math.Ceiling((max / step) - 1e-9);
        var ticks = new double[last - first + 1];
        for (long i = first; i <= last; i++)
        {
            ticks[i - first] = MultipleOf(i, step);
        }

        return ticks;
    }

    /// <summary>i × step computed as (i × mantissa) / 10^-k for small steps so that 3 × 0.1 prints as 0.3.</summary>
    private static double MultipleOf(long i, double step)
    {
        int exponent = (int)Math.Floor(Math.Log10(step) + 1e-9);
        if (exponent >= 0)
        {
            return i * step;
        }

        double scale = PowerOfTen(-exponent);
        return Math.Round(i * step * scale) / scale;
    }

    private static (int Low, int High) DecadeRange(double min, double max)
    {
        int low = (int)Math.Floor(Math.Log10(min) + 1e-12);
        int high = (int)Math.Ceiling(Math.Log10(max) - 1e-12);
        if (high <= low)
        {
            high = low + 1; // a single value still gets a one-decade axis
        }

        return (low, high);
    }

    private static int DecadeStride(int low, int high) => Math.Max(1, (int)Math.Ceiling((high - low) / 10.0));

    private static (double Min, double Max) WidenDegenerate(double min, double max)
    {
        if (max > min)
        {
            return (min, max);
        }

        double half = min == 0 ? 1 : Math.Abs(min) * 0.1;
        return (min - half, max + half);
    }

    private static void ValidateRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Axis range must be finite ({min}, {max}).");
        }

        if (max < min)
        {
            throw new ArgumentException($"Axis range is reversed: min {min} > max {max}.", nameof(max));
        }
    }
}
