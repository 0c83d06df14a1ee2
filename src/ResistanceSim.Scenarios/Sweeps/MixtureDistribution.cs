using ResistanceSim.Model.Random;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>One part of a <see cref="MixtureDistribution"/>: the share of patients drawn from it.</summary>
public sealed record MixtureComponent(double Weight, PatientDistribution Distribution);

/// <summary>
/// Patients of distinct kinds: each patient belongs to one component (in the order the file names them), chosen with probability its weight (the weights
/// sum to 1), and draws the value from that component, truncated to the component's own bounds. For subpopulations
/// that one unimodal law cannot hold, such as a minority of tumours the targeted drug barely touches beside a majority
/// it controls (docs/trials.md). The component is chosen by one uniform drawn before the component's own.
/// </summary>
public sealed record MixtureDistribution(IReadOnlyList<MixtureComponent> Components)
    : PatientDistribution(Components.Min(c => c.Distribution.Min), Components.Max(c => c.Distribution.Max))
{
    public override double DrawTruncated(ref SplitMixStream stream, out PatientDistribution drawnFrom) =>
        Pick(stream.NextOpenDouble()).DrawTruncated(ref stream, out drawnFrom);

    private PatientDistribution Pick(double u)
    {
        double cumulative = 0;
        foreach (var component in Components)
        {
            cumulative += component.Weight;
            if (u < cumulative) return component.Distribution;
        }
        return Components[^1].Distribution;   // u within rounding of 1
    }
}
