namespace ResistanceSim.Analysis.Recist;

/// <summary>RECIST 1.1 target-lesion response categories, best first.</summary>
public enum RecistResponse
{
    /// <summary>CR: all target lesions gone (sum of diameters 0).</summary>
    CompleteResponse,

    /// <summary>PR: sum at least 30% below baseline.</summary>
    PartialResponse,

    /// <summary>SD: neither PR nor PD.</summary>
    StableDisease,

    /// <summary>PD: sum at least 20% and at least 5 mm above the nadir (or reappearance after CR).</summary>
    ProgressiveDisease,

    /// <summary>NE: no follow-up scan to assess.</summary>
    NotEvaluable,
}
