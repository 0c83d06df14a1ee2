using MathNet.Numerics.LinearAlgebra;

namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// Log partial likelihood of the Cox model with its gradient (score) and observed information, for
/// Breslow or Efron ties (Cox 1972; Breslow 1974; Efron 1977; formulas as in Therneau &amp; Grambsch
/// 2000, §3.3). Covariates are centred at their means: this leaves β, the score and the information
/// unchanged but keeps exp(xβ) in range.
/// </summary>
internal sealed class CoxPartialLikelihood
{
    private readonly double[] times;
    private readonly bool[] events;
    private readonly double[][] x;
    private readonly CoxTies ties;

    public CoxPartialLikelihood(IReadOnlyList<SurvivalObservation> outcomes, IReadOnlyList<IReadOnlyList<double>> covariates, CoxTies ties)
    {
        var n = outcomes.Count;
        Dimension = covariates[0].Count;
        var means = new double[Dimension];
        foreach (var row in covariates)
        {
            for (var j = 0; j < Dimension; j++)
            {
                means[j] += row[j] / n;
            }
        }

        // Sorted by descending time so risk sets grow as we sweep.
        var order = Enumerable.Range(0, n).OrderByDescending(i => outcomes[i].Time).ToArray();
        times = order.Select(i => outcomes[i].Time).ToArray();
        events = order.Select(i => outcomes[i].Event).ToArray();
        x = order.Select(i => Enumerable.Range(0, Dimension).Select(j => covariates[i][j] - means[j]).ToArray()).ToArray();
        this.ties = ties;
    }

    public int Dimension { get; }

    /// <summary>ℓ(β), U(β) = ∂ℓ/∂β and I(β) = −∂²ℓ/∂β².</summary>
    public (double LogLikelihood, Vector<double> Score, Matrix<double> Information) Evaluate(Vector<double> beta)
    {
        var p = Dimension;
        double logLik = 0;
        var score = Vector<double>.Build.Dense(p);
        var info = Matrix<double>.Build.Dense(p, p);

        // Risk-set sums S0 = Σw, S1 = Σwx, S2 = Σwxxᵀ, and the same over the tied events (D0, D1, D2).
        double s0 = 0;
        var s1 = new double[p];
        var s2 = new double[p, p];
        var d1 = new double[p];
        var d2 = new double[p, p];
        var a1 = new double[p];

        var i = 0;
        while (i < times.Length)
        {
            var t = times[i];
            double d0 = 0;
            var deaths = 0;
            Array.Clear(d1);
            Array.Clear(d2);
            for (; i < times.Length && times[i] == t; i++)
            {
                var xi = x[i];
                var eta = 0.0;
                for (var j = 0; j < p; j++)
                {
                    eta += xi[j] * beta[j];
                }

                var w = Math.Exp(eta);
                s0 += w;
                AddWeighted(s1, s2, xi, w);
                if (events[i])
                {
                    deaths++;
                    d0 += w;
                    AddWeighted(d1, d2, xi, w);
                    logLik += eta;
                    for (var j = 0; j < p; j++)
                    {
                        score[j] += xi[j];
                    }
                }
            }

            for (var l = 0; l < deaths; l++)
            {
                // Breslow keeps the full risk set; Efron removes fraction l/d of the tied events.
                var f = ties == CoxTies.Efron ? (double)l / deaths : 0.0;
                var a0 = s0 - f * d0;
                logLik -= Math.Log(a0);
                for (var j = 0; j < p; j++)
                {
                    a1[j] = s1[j] - f * d1[j];
                    score[j] -= a1[j] / a0;
                }

                for (var j = 0; j < p; j++)
                {
                    for (var k = 0; k < p; k++)
                    {
                        info[j, k] += (s2[j, k] - f * d2[j, k]) / a0 - a1[j] * a1[k] / (a0 * a0);
                    }
                }
            }
        }

        return (logLik, score, info);
    }

    private static void AddWeighted(double[] first, double[,] second, double[] xi, double w)
    {
        for (var j = 0; j < xi.Length; j++)
        {
            first[j] += w * xi[j];
            for (var k = 0; k < xi.Length; k++)
            {
                second[j, k] += w * xi[j] * xi[k];
            }
        }
    }
}
