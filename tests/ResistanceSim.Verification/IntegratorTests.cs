using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Ode;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>The integrators on problems with known solutions, and the engine's stiff fallback.</summary>
[Trait("Category", "Verification")]
public class IntegratorTests
{
    /// <summary>y1' = y2, y2' = −y1 (rotation): y = (sin t, cos t).</summary>
    private static void Rotation(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = y[1];
        dy[1] = -y[0];
    }

    [Fact]
    public void DormandPrinceDenseOutputMatchesTheRotationEverywhere()
    {
        var dp = new DormandPrince54(2);
        dp.Initialize(0, [0.0, 1.0], Rotation, 1e-12, 1e-12);
        var y = new double[2];
        double worst = 0;
        while (dp.T < 20)
        {
            Assert.True(dp.Step(20));
            // Ten points inside each step: the continuous extension, not just the step ends.
            for (int k = 0; k <= 10; k++)
            {
                double t = dp.PreviousT + k * (dp.T - dp.PreviousT) / 10;
                dp.Interpolate(t, y);
                worst = Math.Max(worst, Math.Max(Math.Abs(y[0] - Math.Sin(t)), Math.Abs(y[1] - Math.Cos(t))));
            }
        }
        Assert.Equal(20, dp.T);
        Assert.True(worst < 1e-8, $"largest dense-output error {worst:E2}");
        Assert.True(dp.AcceptedSteps > 10, "steps must be adaptive, not one giant step");
    }

    [Fact]
    public void DormandPrinceErrorShrinksWithTheTolerance()
    {
        double ErrorAt(double tol)
        {
            var dp = new DormandPrince54(2);
            dp.Initialize(0, [0.0, 1.0], Rotation, tol, tol);
            while (dp.T < 10) Assert.True(dp.Step(10));
            return Math.Abs(dp.Y[0] - Math.Sin(10));
        }
        double loose = ErrorAt(1e-5), tight = ErrorAt(1e-10);
        Assert.True(tight < loose / 1e3, $"tol 1e-5 → {loose:E2}, tol 1e-10 → {tight:E2}");
    }

    /// <summary>y' = −1e4 (y − cos t) − sin t has the smooth solution y = cos t plus a fast transient from y(0) = 2.</summary>
    private static void Stiff(double t, ReadOnlySpan<double> y, Span<double> dy) => dy[0] = -1e4 * (y[0] - Math.Cos(t)) - Math.Sin(t);

    [Fact]
    public void DormandPrinceReportsStiffnessAndRosenbrockSolvesIt()
    {
        var dp = new DormandPrince54(1);
        dp.Initialize(0, [2.0], Stiff, 1e-6, 1e-9);
        bool reported = false;
        for (int i = 0; i < 100_000 && dp.T < 5; i++)
            if (!dp.Step(5)) { reported = true; break; }
        Assert.True(reported, "DOPRI5 must report a stiff problem instead of crawling through it");

        var ros = new Rosenbrock2(1);
        ros.Initialize(0, [2.0], Stiff, 1e-5, 1e-7);
        while (ros.T < 5) Assert.True(ros.Step(5));
        double exact = Math.Cos(5) + Math.Exp(-1e4 * 5);
        Assert.True(Math.Abs(ros.Y[0] - exact) < 1e-4, $"ROS2 {ros.Y[0]:R} vs {exact:R}");
        // An explicit method is stable only for h < 3.3e-4 here, ≥ 15,000 steps over 5 days.
        Assert.True(ros.AcceptedSteps < 15_000, $"{ros.AcceptedSteps} steps: an L-stable method should not be limited by the fast scale");
    }

    [Fact]
    public void EngineFallsBackToRosenbrockOnFastSwitchingAndMatchesTheLinearSolution()
    {
        var scenario = VerificationScenarios.Load("fast-switching", EngineKind.Ode);
        var ode = new OdeMethod();
        var run = new SimulationRun(scenario);
        Simulator.Run(run, ode, new WorkUnit(0, 0, 0), observer: null);
        Assert.True(ode.UsedStiffSolver, "fast switching must trigger the stiff fallback");

        // Two states, x' = A x: A = [[r0 − a, c], [a, r1 − c]], with a = on, c = off rates.
        var signal = new SignalModel(scenario);
        var layout = scenario.Catalog.Layout;
        ulong slow = layout.WithPhenotype(GenotypeLayout.Parental, 0, true);
        var p0 = signal.Evaluate(GenotypeLayout.Parental, []);
        var p1 = signal.Evaluate(slow, []);
        double a = p0.Switch, c = p1.Switch;
        double a11 = p0.Birth - p0.Death - a, a12 = c, a21 = a, a22 = p1.Birth - p1.Death - c;
        double trace = a11 + a22, det = a11 * a22 - a12 * a21, disc = Math.Sqrt(trace * trace / 4 - det);
        double l1 = trace / 2 + disc, l2 = trace / 2 - disc, t = scenario.Stop.Days;
        // x(t) = e^{At} x0 via Sylvester's formula for distinct eigenvalues; x0 = (1e4, 0).
        double e1 = Math.Exp(l1 * t), e2 = Math.Exp(l2 * t);
        double x0 = 1e4 * ((a11 - l2) * e1 - (a11 - l1) * e2) / (l1 - l2);
        double x1 = 1e4 * a21 * (e1 - e2) / (l1 - l2);
        Assert.True(Math.Abs(ode.ExpectedTotal / (x0 + x1) - 1) < 1e-6, $"ODE {ode.ExpectedTotal:R} vs {x0 + x1:R}");
    }
}
