namespace ResistanceSim.Runs;

/// <summary>One drug's concentration (nM) at each sample of a finished work unit: its <c>conc_&lt;drug&gt;_nM</c> column of <c>totals</c>.</summary>
public sealed record DrugLevels(string Drug, IReadOnlyList<double> NanoMolar);
