using System.Globalization;
using System.Text;
using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// <c>calibrated.yaml</c>: one point of the final population — each parameter's posterior median, or one member
/// (<c>abc.preset</c>, <see cref="PresetMember"/>) — as a preset to include after the presets it refines (maps merge
/// deeply, so it replaces only these values), each value with the posterior median, 90% interval and prior in a
/// comment. A member's values are written to the last digit: rounded, they are another parameter set, and with common
/// random numbers another set is other patients' luck. A parameter inside a list (<c>protocol[0].days</c>) cannot
/// merge into a list and is given as a comment only.
/// </summary>
internal static class CalibratedPreset
{
    public static string Write(CalibrationPlan plan, AbcPopulation population, PresetMember? preset, string calibrationFile, string stopReason)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(population);
        int? member = preset?.Member;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Calibrated by `resistancesim calibrate {calibrationFile}` (ABC-SMC, generation {population.Generation}, ")
            .Append(CultureInfo.InvariantCulture, $"{population.Count} particles, tolerance {population.Epsilon:0.###}; stopped: {stopReason}).\n")
            .Append(preset is not null
                ? $"# Values are the final population's {preset.Describe(population)}; each\n# comment gives the posterior median, the 90% credible interval and the prior. Include this file after the\n"
                : "# Values are posterior medians; each comment gives the 90% credible interval and the prior. Include this file after the\n")
            .Append("# presets it refines. Parameters the calibration set in only some scenarios say which.\n");
        var root = new Node();
        for (int j = 0; j < plan.Parameters.Count; j++)
        {
            var parameter = plan.Parameters[j];
            double median = population.Quantile(j, 0.5), lower = population.Quantile(j, 0.05), upper = population.Quantile(j, 0.95);
            string comment = (member is null ? "" : string.Create(CultureInfo.InvariantCulture, $"posterior median {median:G4}; "))
                + string.Create(CultureInfo.InvariantCulture, $"90% interval [{lower:G4}, {upper:G4}]; prior {parameter.Prior.Describe()}")
                + (parameter.Scenarios.Count > 0 ? $"; set in {string.Join(", ", parameter.Scenarios)} only" : "");
            string value = member is { } chosen
                ? population.Values[chosen][j].ToString("R", CultureInfo.InvariantCulture)
                : median.ToString("G4", CultureInfo.InvariantCulture);
            var path = YamlPath.Parse(parameter.Path);
            if (path.Segments.Any(s => s.IsIndex))
            {
                text.Append(CultureInfo.InvariantCulture, $"# {parameter.Path}: {value}  ({comment}; inside a list: set it by hand)\n");
                continue;
            }
            var node = root;
            foreach (var segment in path.Segments) node = node.Child(segment.Key!);
            node.Value = value;
            node.Comment = comment;
        }
        root.Emit(text, 0);
        return text.ToString();
    }

    /// <summary>The member the preset sets when it is chosen on the fit's cohorts alone; null for the posterior medians and a choice on new patients.</summary>
    internal static PresetMember? ChosenOnTheFitsCohorts(CalibrationPlan plan, AbcPopulation population) =>
        plan.Abc.Preset == PresetPoint.LowestDistance ? new PresetMember(PresetMember.LowestDistance(population), null) : null;

    private sealed class Node
    {
        private readonly List<(string Key, Node Node)> _children = [];

        public string? Value { get; set; }

        public string? Comment { get; set; }

        public Node Child(string key)
        {
            foreach (var (k, n) in _children) if (k == key) return n;
            var child = new Node();
            _children.Add((key, child));
            return child;
        }

        public void Emit(StringBuilder text, int depth)
        {
            foreach (var (key, child) in _children)
            {
                text.Append(' ', 2 * depth).Append(Key(key)).Append(':');
                if (child.Value is not null) text.Append(' ').Append(child.Value).Append("   # ").Append(child.Comment).Append('\n');
                else
                {
                    text.Append('\n');
                    child.Emit(text, depth + 1);
                }
            }
        }

        /// <summary>A key that is itself a path (a <c>cohort.variability</c> entry) is quoted.</summary>
        private static string Key(string key) => key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : $"'{key.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
