namespace ResistanceSim.Engine.Running;

/// <summary>
/// The scenario's values make a virtual patient impossible as specified: the untreated tumour never reaches detection,
/// every history dies out, or no tumour ever progresses on the cohort's prior lines. A property of the parameters,
/// not a bug: the command line reports it as bad input, and a calibration rejects the parameter set.
/// </summary>
public sealed class ImpossiblePatientException(string message) : Exception(message);
