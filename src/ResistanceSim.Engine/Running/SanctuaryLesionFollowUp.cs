using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>What a scan found at the sanctuary sites when they are imaged on their own.</summary>
internal enum SanctuaryFinding
{
    /// <summary>No progression there.</summary>
    None,

    /// <summary>A lesion unseen at the line's baseline (or gone since) became visible: a RECIST new lesion.</summary>
    NewLesion,

    /// <summary>A lesion seen at the line's baseline grew by the progression thresholds over its smallest size.</summary>
    Growth,
}

/// <summary>
/// The sanctuary sites (such as brain metastases) followed as one lesion of their own, as RANO-BM scores the brain
/// apart from the rest of the body (Lin et al. 2015, Lancet Oncol 16:e270). Below the new-lesion size the lesion is
/// unseen (diameter 0). Its nadir restarts at each line's baseline, and the RECIST progression rule is applied to this
/// one lesion: from an unseen nadir, becoming visible is a new lesion (a lesion that disappeared and reappears counts
/// as new, RECIST 1.1 §4.3.3); a visible lesion progresses when it grows 20% and 5 mm over its nadir (RANO-BM asks 20%
/// for measurable brain lesions and "unequivocal" growth for smaller ones; the 5 mm stands for the latter).
/// </summary>
internal struct SanctuaryLesionFollowUp
{
    private double _nadirMm;

    /// <summary>Diameter (mm) at the last scan; 0 when unseen.</summary>
    public double LastMm { get; private set; }

    /// <summary>Starts the line: the lesion as seen now is its baseline.</summary>
    public void Start(TumourImaging imaging, double sanctuaryCells) => _nadirMm = LastMm = imaging.SanctuaryLesionMm(sanctuaryCells);

    public SanctuaryFinding Scan(TumourImaging imaging, double sanctuaryCells)
    {
        double mm = imaging.SanctuaryLesionMm(sanctuaryCells);
        var finding = !imaging.Thresholds.IsProgression(_nadirMm, mm) ? SanctuaryFinding.None
            : _nadirMm == 0 ? SanctuaryFinding.NewLesion
            : SanctuaryFinding.Growth;
        _nadirMm = Math.Min(_nadirMm, mm);
        LastMm = mm;
        return finding;
    }
}
