namespace ResistanceSim.Analysis.Survival;

/// <summary>Scale on which the pointwise Kaplan–Meier confidence interval is built from the Greenwood
/// variance.</summary>
public enum SurvivalConfidenceTransform
{
    /// <summary>Default. Interval for log(−log S), mapped back: S^exp(±z·σ/log S), where σ² is the
    /// Greenwood sum. Always inside (0, 1) and better covered at small n (Kalbfleisch &amp; Prentice
    /// 1980; Borgan &amp; Liestøl 1990). Same as R <c>survfit(conf.type = "log-log")</c>.</summary>
    LogLog,

    /// <summary>Linear ("plain") interval S ± z·S·σ, clipped to [0, 1]. Same as R
    /// <c>conf.type = "plain"</c>.</summary>
    Plain,
}
