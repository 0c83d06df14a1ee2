namespace ResistanceSim.Engine.Ode;

/// <summary>The scaled RMS norm of Hairer, Nørsett &amp; Wanner (Solving ODEs I, §II.4) used for step-size control.</summary>
internal static class ErrorNorm
{
    public static double Rms(ReadOnlySpan<double> error, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, double rtol, double atol)
    {
        if (error.Length == 0) return 0;
        double sum = 0;
        for (int i = 0; i < error.Length; i++)
        {
            double scale = atol + rtol * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i]));
            double e = error[i] / scale;
            sum += e * e;
        }
        return Math.Sqrt(sum / error.Length);
    }

    /// <summary>Hairer's starting step: about 1% of the time over which y changes by its own size.</summary>
    public static double InitialStep(ReadOnlySpan<double> y, ReadOnlySpan<double> f, double rtol, double atol, double span)
    {
        double d0 = Rms(y, y, y, rtol, atol), d1 = Rms(f, y, y, rtol, atol);
        double h = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        return Math.Min(h, span);
    }
}
