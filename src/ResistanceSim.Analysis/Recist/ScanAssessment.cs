using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Analysis.Recist;

/// <summary>
/// Classification of one follow-up scan. <see cref="NadirBefore"/> is the smallest sum so far
/// (baseline included, this scan excluded) that progression is measured from; <see cref="NadirAfter"/>
/// includes this scan. Changes are fractions (−0.3 = 30% decrease).
/// </summary>
public readonly record struct ScanAssessment(
    TumourScan Scan,
    double ChangeFromBaseline,
    double NadirBefore,
    double ChangeFromNadir,
    double NadirAfter,
    RecistResponse Response);
