using System.Globalization;

namespace ResistanceSim.Runs.Calibration;

/// <summary>One finished ABC-SMC generation, as the progress line, the <c>generations/</c> table and the report show it.</summary>
internal sealed record GenerationRecord(int Generation, double Epsilon, int Proposals, int Accepted, double EffectiveSampleSize, double Seconds)
{
    public double AcceptanceRate => Proposals == 0 ? 0 : (double)Accepted / Proposals;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"generation {Generation}: tolerance {(double.IsInfinity(Epsilon) ? "∞ (prior)" : Epsilon.ToString("0.###", CultureInfo.InvariantCulture))}, " +
        $"{Accepted} accepted of {Proposals} proposals ({100 * AcceptanceRate:0.#}%), effective sample size {EffectiveSampleSize:0}, {Seconds:0.0} s");
}
