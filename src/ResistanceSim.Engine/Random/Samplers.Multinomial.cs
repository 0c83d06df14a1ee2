using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>Probabilities may sum to 1 within this relative tolerance; the sum is then renormalised.</summary>
    public const double MultinomialSumTolerance = 1e-9;

    /// <summary>
    /// Multinomial deviate: distributes n trials over categories with the given probabilities, by
    /// conditional binomials (Devroye 1986, §XI.1.2): count_i ~ Binomial(n − Σ_{j&lt;i} count_j,
    /// p_i / Σ_{j≥i} p_j), the last category taking the rest. Counts always sum to n exactly.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="n">Number of trials. Range: 0 ≤ n ≤ 2^52.</param>
    /// <param name="probabilities">Range: each p_i ≥ 0 and finite; |Σ p_i − 1| ≤ 1e-9 (rounding is renormalised away).</param>
    /// <param name="counts">Receives the counts; same length as <paramref name="probabilities"/>, at least 1.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static void Multinomial(ref Xoshiro256StarStar rng, long n, ReadOnlySpan<double> probabilities, Span<long> counts)
    {
        if (n < 0 || n > MaxExactCount)
        {
            ThrowOutOfRange(nameof(n), n, "0 ≤ n ≤ 2^52");
        }

        if (counts.Length != probabilities.Length || probabilities.IsEmpty)
        {
            throw new ArgumentException("counts must have the same, non-zero length as probabilities.", nameof(counts));
        }

        double total = 0;
        foreach (double probability in probabilities)
        {
            if (!(probability >= 0) || double.IsPositiveInfinity(probability))
            {
                ThrowOutOfRange(nameof(probabilities), probability, "each p_i ≥ 0 and finite");
            }

            total += probability;
        }

        if (!(Math.Abs(total - 1) <= MultinomialSumTolerance))
        {
            ThrowOutOfRange(nameof(probabilities), total, "Σ p_i = 1 within 1e-9");
        }

        // The last category with positive probability takes the remaining trials, so rounding in the
        // running mass can never hand trials to a zero-probability category.
        int lastPositive = probabilities.Length - 1;
        while (probabilities[lastPositive] == 0)
        {
            counts[lastPositive] = 0;
            lastPositive--;
        }

        long remainingTrials = n;
        double remainingMass = total;
        for (int i = 0; i < lastPositive; i++)
        {
            double probability = probabilities[i];
            if (remainingTrials == 0 || probability == 0)
            {
                counts[i] = 0;
            }
            else
            {
                // Rounding can push the conditional probability a hair above 1 near the end.
                double conditional = Math.Min(1, probability / remainingMass);
                long count = Binomial(ref rng, remainingTrials, conditional);
                counts[i] = count;
                remainingTrials -= count;
            }

            remainingMass -= probability;
        }

        counts[lastPositive] = remainingTrials;
    }
}
