using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>What a scan found at the sanctuary sites when they are imaged on their own.</summary>
internal enum SanctuaryFinding
{
    /// <summary>No progression there.</summary>
    None,

    /// <summary>A lesion seen at the line's baseline grew by the progression thresholds over its smallest size.</summary>
    Growth,

    /// <summary>A lesion unseen at the line's baseline (or gone since) became visible: a RECIST new lesion.</summary>
    NewLesion,
}

/// <summary>
/// The sanctuary sites (such as brain metastases) followed apart from the rest of the body, as RANO-BM scores the brain
/// (Lin et al. 2015, Lancet Oncol 16:e270): one lesion holding every sanctuary cell, or each metastasis on its own when
/// the sanctuary follows its lesions. Below the new-lesion size a lesion is unseen (diameter 0). Each lesion's nadir
/// restarts at each line's baseline, and the RECIST progression rule is applied to each: from an unseen nadir, becoming
/// visible is a new lesion (a lesion that disappeared and reappears counts as new, RECIST 1.1 §4.3.3); a visible lesion
/// progresses when it grows 20% and 5 mm over its nadir (RANO-BM asks 20% for the sum of measurable brain lesions and
/// "unequivocal" growth for smaller ones; judging each lesion by itself stands for the latter).
/// </summary>
internal sealed class SanctuaryLesionFollowUp
{
    private double[] _nadirMm = new double[1];
    private int _lesions;

    /// <summary>Diameter (mm) of the largest lesion at the last scan; 0 when none is seen.</summary>
    public double LastMm { get; private set; }

    public void Reset()
    {
        _lesions = 0;
        LastMm = 0;
    }

    /// <summary>Starts the line: the lesions as seen now are its baseline.</summary>
    public void Start(TumourImaging imaging, ReadOnlySpan<double> lesionCells)
    {
        if (_nadirMm.Length < lesionCells.Length) _nadirMm = new double[lesionCells.Length];
        _lesions = lesionCells.Length;
        double largest = 0;
        for (int i = 0; i < lesionCells.Length; i++)
            largest = Math.Max(largest, _nadirMm[i] = imaging.SanctuaryLesionMm(lesionCells[i]));
        LastMm = largest;
    }

    /// <summary>Reads the lesions (as many as at <see cref="Start"/>); a new lesion outranks a known one's growth.</summary>
    public SanctuaryFinding Scan(TumourImaging imaging, ReadOnlySpan<double> lesionCells)
    {
        if (lesionCells.Length != _lesions)
            throw new ArgumentException($"{lesionCells.Length} sanctuary lesions scanned, {_lesions} at baseline.", nameof(lesionCells));
        var finding = SanctuaryFinding.None;
        double largest = 0;
        for (int i = 0; i < lesionCells.Length; i++)
        {
            double mm = imaging.SanctuaryLesionMm(lesionCells[i]);
            if (imaging.Thresholds.IsProgression(_nadirMm[i], mm))
                finding = (SanctuaryFinding)Math.Max((int)finding, (int)(_nadirMm[i] == 0 ? SanctuaryFinding.NewLesion : SanctuaryFinding.Growth));
            _nadirMm[i] = Math.Min(_nadirMm[i], mm);
            largest = Math.Max(largest, mm);
        }
        LastMm = largest;
        return finding;
    }
}
