namespace ResistanceSim.Model;

/// <summary>
/// The signalling routes a clone can use to survive (docs/biology.md). Every value except
/// <see cref="Autophagy"/> contributes to the residual survival signal S; <see cref="Autophagy"/>
/// is a drug target only (chloroquine), because autophagy protects from death rather than
/// signalling for growth.
/// </summary>
public enum Pathway
{
    Alk,
    Egfr,
    Her2,
    Met,
    Igf1r,
    Kit,
    Pkc,
    /// <summary>Mesenchymal (EMT) survival signalling, independent of ALK; HSP90 inhibitors reduce it.</summary>
    Mes,
    /// <summary>Signal downstream of every receptor (KRAS-type): no tyrosine-kinase inhibitor reaches it.</summary>
    Downstream,
    Autophagy,
}

public static class Pathways
{
    public const int Count = 10;

    /// <summary>Pathways whose activity adds to the survival signal S.</summary>
    public static bool IsSignalling(Pathway pathway) => pathway != Pathway.Autophagy;

    public static string YamlName(Pathway pathway) => pathway switch
    {
        Pathway.Alk => "ALK",
        Pathway.Egfr => "EGFR",
        Pathway.Her2 => "HER2",
        Pathway.Met => "MET",
        Pathway.Igf1r => "IGF1R",
        Pathway.Kit => "KIT",
        Pathway.Pkc => "PKC",
        Pathway.Mes => "MES",
        Pathway.Downstream => "DOWNSTREAM",
        Pathway.Autophagy => "AUTOPHAGY",
        _ => throw new ArgumentOutOfRangeException(nameof(pathway)),
    };

    public static IReadOnlyList<string> YamlNames { get; } =
        Enum.GetValues<Pathway>().Select(YamlName).ToArray();

    public static bool TryParse(string name, out Pathway pathway)
    {
        foreach (var candidate in Enum.GetValues<Pathway>())
        {
            if (string.Equals(YamlName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                pathway = candidate;
                return true;
            }
        }
        pathway = default;
        return false;
    }
}
