namespace ResistanceSim.Model;

/// <summary>A genotype key decoded into the names users read in tables and plots.</summary>
public sealed record GenotypeDescription(
    IReadOnlyList<string> AlkMutations, int AlkCopies, IReadOnlyList<string> OtherMechanisms,
    IReadOnlyList<string> Phenotypes)
{
    public const string ParentalLabel = "parental";

    public bool IsParental => AlkMutations.Count == 0 && AlkCopies == 1 && OtherMechanisms.Count == 0 && Phenotypes.Count == 0;

    /// <summary>E.g. <c>ALK_G1202R+ALK_L1196M|ALKx3|EGFR_activation|EMT</c>; <c>parental</c> when nothing is acquired.</summary>
    public string Label
    {
        get
        {
            if (IsParental) return ParentalLabel;
            var parts = new List<string>(4);
            if (AlkMutations.Count > 0) parts.Add(string.Join('+', AlkMutations));
            if (AlkCopies > 1) parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ALKx{AlkCopies}"));
            parts.AddRange(OtherMechanisms);
            parts.AddRange(Phenotypes);
            return string.Join('|', parts);
        }
    }

    public static GenotypeDescription Describe(MechanismCatalog catalog, ulong key)
    {
        var layout = catalog.Layout;
        var alk = new List<string>();
        for (int slot = 0; slot < layout.AlkSlots; slot++)
        {
            int m = layout.AlkMutationAt(key, slot);
            if (m < 0) break;
            alk.Add(catalog.AlkMutations[m].Name);
        }
        var other = new List<string>();
        for (int i = 0; i < catalog.OtherHeritable.Count; i++)
        {
            if (layout.HasOther(key, i)) other.Add(catalog.OtherHeritable[i].Name);
        }
        var phenotypes = new List<string>();
        for (int i = 0; i < catalog.Phenotypes.Count; i++)
        {
            if (layout.HasPhenotype(key, i)) phenotypes.Add(catalog.Phenotypes[i].Name);
        }
        return new GenotypeDescription(alk, layout.AlkCopies(key), other, phenotypes);
    }
}
