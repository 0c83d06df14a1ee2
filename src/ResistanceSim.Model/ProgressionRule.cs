using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Model;

/// <summary>
/// When a regrowing population counts as progressed, judged at samples against its nadir (the
/// smallest size so far, baseline included). It ends phases with <c>until: progression</c> and,
/// with <see cref="StopRule.OnProgression"/>, the run.
/// </summary>
public abstract record ProgressionRule
{
    public abstract bool HasProgressed(double nadirCells, double cells);
}

/// <summary>In-vitro and generic runs: the population is back at <see cref="Fold"/> × its nadir.</summary>
public sealed record FoldOverNadir(double Fold) : ProgressionRule
{
    public override bool HasProgressed(double nadirCells, double cells) => cells > 0 && cells >= Fold * nadirCells;
}

/// <summary>Virtual patients: RECIST 1.1 progression of the sum of diameters the scan sees (20% and 5 mm over the nadir).</summary>
public sealed record RecistProgression(TumourImaging Imaging) : ProgressionRule
{
    public override bool HasProgressed(double nadirCells, double cells) =>
        Imaging.Thresholds.IsProgression(Imaging.SumOfDiametersMm(nadirCells), Imaging.SumOfDiametersMm(cells));
}
