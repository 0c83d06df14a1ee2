using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// A small clone's jump to its next emission (<see cref="EmittingLine"/>): the closed form solves the line's Riccati
/// equation, its first-emission time inverts it, and the jumps have the law of the same line followed event by event.
/// </summary>
public class EmittingLineTests
{
    private const int Replicates = 100_000;

    public static TheoryData<double, double, double, double> Laws => new()
    {
        { 1.0, 0.9, 0.05, 3.0 },      // near-critical, rare emissions (the McFarland model's small clones)
        { 0.5, 0.7, 0.02, 5.0 },      // shrinking
        { 0.0, 0.3, 0.1, 4.0 },       // no divisions: under drug
        { 1.2, 0.2, 0.01, 1.5 },      // growing fast
        { 0.3, 0.1, 0.6, 2.0 },       // emissions outnumbering divisions
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void TheClosedFormSolvesTheRiccatiEquation(double growth, double loss, double emission, double time)
    {
        var law = new EmittingLine(growth, loss, emission).At(time);
        double occupiedWeight = law.Occupied * (1 - law.Growth);   // b in φ = a + b·s/(1 − g·s)
        foreach (double s in new[] { 0.0, 0.3, 0.9, 1.0 })
        {
            double closed = law.Empty + occupiedWeight * s / (1 - law.Growth * s);
            double numeric = IntegrateRiccati(growth, loss, emission, s, time);
            Assert.True(Math.Abs(closed - numeric) < 1e-9, $"φ({s}, {time}): closed form {closed}, Runge–Kutta {numeric}");
        }
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void TheTimeOfNoMarkInvertsTheLaw(double growth, double loss, double emission, double time)
    {
        var line = new EmittingLine(growth, loss, emission);
        foreach (double t in new[] { 1e-6, 0.01, 0.5 * time, time })
        {
            double back = line.TimeOfNoMark(line.At(t).NoMark);
            Assert.True(Math.Abs(back - t) <= 1e-7 * Math.Max(t, 1e-3), $"t = {t}: inverted to {back}");
        }
    }

    [Theory]
    [InlineData(1L, 1.0, 0.9, 0.05, 3.0)]
    [InlineData(10L, 0.5, 0.7, 0.02, 5.0)]
    [InlineData(5L, 0.0, 0.3, 0.1, 4.0)]
    [InlineData(20L, 1.2, 0.2, 0.01, 1.5)]
    [InlineData(3L, 0.3, 0.1, 0.6, 2.0)]
    public void JumpsHaveTheLawOfTheLineFollowedEventByEvent(long cells, double growth, double loss, double emission, double tau)
    {
        var line = new EmittingLine(growth, loss, emission);
        var jumping = new Xoshiro256StarStar(71);
        var stepping = new Xoshiro256StarStar(72);
        var jump = Outcomes(() => (line.ToNextEmission(ref jumping, cells, tau, out double wait, out long then), wait, then));
        var events = Outcomes(() => ByEvents(ref stepping, cells, growth, loss, emission, tau));

        // The chance of an emission within τ: two proportions of Replicates each, 4.5 standard errors apart at most.
        double pooled = (jump.Emitted + events.Emitted) / (2.0 * Replicates);
        double error = Math.Sqrt(pooled * (1 - pooled) * 2.0 / Replicates);
        Assert.True(Math.Abs(jump.Emitted - events.Emitted) / (double)Replicates <= 4.5 * error,
            $"emissions within τ: {jump.Emitted} jumping, {events.Emitted} event by event");
        AssertSameLaw(jump.Waits, events.Waits, "time of the first emission");
        AssertSameLaw(jump.CellsAtEmission, events.CellsAtEmission, "cells just before it");
        AssertSameLaw(jump.CellsAtEnd, events.CellsAtEnd, "cells at τ without an emission");
    }

    private static void AssertSameLaw(List<double> jumping, List<double> stepping, string what)
    {
        var ks = KolmogorovSmirnovTest.TwoSample([.. jumping], [.. stepping]);
        Assert.True(ks.PValue > 1e-4, $"{what}: KS D = {ks.Statistic}, p = {ks.PValue} ({jumping.Count} and {stepping.Count} samples)");
    }

    private sealed record Sample(int Emitted, List<double> Waits, List<double> CellsAtEmission, List<double> CellsAtEnd);

    private static Sample Outcomes(Func<(bool Emitted, double Wait, long Cells)> draw)
    {
        var sample = new Sample(0, [], [], []);
        int emitted = 0;
        for (int i = 0; i < Replicates; i++)
        {
            var (hasEmission, wait, cells) = draw();
            if (hasEmission)
            {
                emitted++;
                sample.Waits.Add(wait);
                sample.CellsAtEmission.Add(cells);
            }
            else
            {
                sample.CellsAtEnd.Add(cells);
            }
        }
        return sample with { Emitted = emitted };
    }

    /// <summary>The reference: Gillespie's direct method on the marked line, stopped at its first emission or at τ.</summary>
    private static (bool, double, long) ByEvents(ref Xoshiro256StarStar rng, long cells, double growth, double loss, double emission, double tau)
    {
        double perCell = growth + loss + emission, time = 0;
        while (cells > 0)
        {
            time += ExponentialZiggurat.Next(ref rng) / (perCell * cells);
            if (time >= tau) break;
            double channel = rng.NextDouble() * perCell;
            if (channel < growth) cells++;
            else if (channel < growth + loss) cells--;
            else return (true, time, cells);
        }
        return (false, tau, cells);
    }

    /// <summary>φ(s, t) from ∂φ/∂t = λφ² − (λ + μ + κ)φ + μ, φ(s, 0) = s, by classical Runge–Kutta.</summary>
    private static double IntegrateRiccati(double growth, double loss, double emission, double s, double time)
    {
        const int steps = 20_000;
        double h = time / steps, phi = s;
        double Slope(double x) => growth * x * x - (growth + loss + emission) * x + loss;
        for (int k = 0; k < steps; k++)
        {
            double k1 = Slope(phi), k2 = Slope(phi + 0.5 * h * k1), k3 = Slope(phi + 0.5 * h * k2), k4 = Slope(phi + h * k3);
            phi += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return phi;
    }
}
