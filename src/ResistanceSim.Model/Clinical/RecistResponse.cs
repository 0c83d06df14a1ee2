namespace ResistanceSim.Model.Clinical;

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

public static class RecistResponses
{
    /// <summary>The abbreviation used in trial reports: CR, PR, SD, PD, NE.</summary>
    public static string Label(RecistResponse response) => response switch
    {
        RecistResponse.CompleteResponse => "CR",
        RecistResponse.PartialResponse => "PR",
        RecistResponse.StableDisease => "SD",
        RecistResponse.ProgressiveDisease => "PD",
        RecistResponse.NotEvaluable => "NE",
        _ => throw new ArgumentOutOfRangeException(nameof(response)),
    };

    /// <summary>CR or PR: counts towards the objective response rate.</summary>
    public static bool IsObjectiveResponse(RecistResponse response) =>
        response is RecistResponse.CompleteResponse or RecistResponse.PartialResponse;
}
