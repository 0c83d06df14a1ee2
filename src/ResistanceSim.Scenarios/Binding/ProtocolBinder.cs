using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>protocol:</c>, a list of phases run in order; every drug named must be in the drug library.</summary>
internal static class ProtocolBinder
{
    public static readonly string[] PhaseKinds = ["continuous", "holiday"];

    public static Protocol Bind(MapReader root, IReadOnlyDictionary<string, Drug> library, ISet<string> used)
    {
        var phases = new List<ProtocolPhase>();
        foreach (var phase in root.SeqOfMaps("protocol", required: false))
        {
            string kind = phase.Enum("phase", PhaseKinds);
            double days = phase.Double("days", Rules.Positive);
            var exposures = kind == "continuous" ? BindExposures(phase, library, used) : [];
            phase.Finish();
            phases.Add(new ContinuousPhase(days, exposures));
        }
        return new Protocol(phases);
    }

    private static List<DrugExposure> BindExposures(MapReader phase, IReadOnlyDictionary<string, Drug> library, ISet<string> used)
    {
        var exposures = new List<DrugExposure>();
        foreach (var entry in phase.MapOfMaps("drugs", required: true))
        {
            if (!library.ContainsKey(entry.Name))
            {
                phase.Bag.Error(entry.NameLocation, entry.Reader.Path,
                    $"{entry.Reader.Path}: unknown drug '{entry.Name}'{KeySuggester.DidYouMean(entry.Name, library.Keys)}");
                entry.Reader.Accept([.. entry.Reader.Source.Keys]);
                continue;
            }
            used.Add(entry.Name);
            exposures.Add(new FixedConcentration(entry.Name, entry.Reader.Double("concentration_nM", Rules.NonNegative)));
            entry.Reader.Finish();
        }
        return exposures;
    }
}
