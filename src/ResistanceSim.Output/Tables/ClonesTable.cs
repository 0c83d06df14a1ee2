using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>
/// <c>clones/</c>: every clone that reached the sampling threshold, plus all its ancestors, with
/// parent, birth time and decoded genotype.
/// </summary>
public sealed class ClonesTable(Scenario scenario) : IRunTable
{
    private readonly MechanismCatalog _catalog = scenario.Catalog;
    private readonly Dictionary<ulong, GenotypeDescription> _descriptions = [];

    public string Name => "clones";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("clone_id", ColumnType.Int64, false, "", "clone id, unique within the work unit; ids grow with birth order"),
        new("parent_id", ColumnType.Int64, true, "", "id of the clone it arose from (null for initial clones)"),
        new("born_day", ColumnType.Double, false, "day", "time the clone was founded"),
        new("genotype", ColumnType.String, false, "", "label, e.g. ALK_G1202R+ALK_L1196M|ALKx3|EGFR_activation|EMT, or parental"),
        new("alk_mutations", ColumnType.StringList, false, "", "ALK kinase-domain mutations in acquisition order (CSV: '+'-joined)"),
        new("alk_copies", ColumnType.Int32, false, "copies", "ALK fusion copy number (1 = baseline)"),
        new("bypass", ColumnType.StringList, false, "", "bypass, downstream and other heritable mechanisms (CSV: '+'-joined)"),
        new("emt", ColumnType.Boolean, false, "", "in the EMT (mesenchymal) state"),
        new("autophagy", ColumnType.Boolean, false, "", "in the autophagy state"),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        int rows = result.CloneId.Count;
        batch.Reset(rows);
        WorkUnitColumns.Fill(result, batch);
        var id = batch.Int64(3);
        var parent = batch.Int64(4);
        var parentValid = batch.Valid(4);
        var genotype = batch.String(6);
        var alk = batch.StringList(7);
        var copies = batch.Int32(8);
        var bypass = batch.StringList(9);
        var emt = batch.Boolean(10);
        var autophagy = batch.Boolean(11);
        result.CloneBornDay.Span.CopyTo(batch.Double(5));
        for (int r = 0; r < rows; r++)
        {
            id[r] = result.CloneId[r];
            parentValid[r] = result.CloneParent[r] >= 0;
            parent[r] = Math.Max(result.CloneParent[r], 0);
            var description = Describe(result.CloneGenotype[r]);
            genotype[r] = description.Label;
            alk[r] = description.AlkMutations;
            copies[r] = description.AlkCopies;
            bypass[r] = description.OtherMechanisms;
            emt[r] = HasFamily(description, MechanismFamilies.Emt);
            autophagy[r] = HasFamily(description, MechanismFamilies.Autophagy);
        }
    }

    private GenotypeDescription Describe(ulong genotype)
    {
        if (!_descriptions.TryGetValue(genotype, out var description))
            _descriptions[genotype] = description = GenotypeDescription.Describe(_catalog, genotype);
        return description;
    }

    private bool HasFamily(GenotypeDescription description, string family)
    {
        foreach (var name in description.Phenotypes)
            if (_catalog.All[_catalog.IndexOf(name)].Family == family) return true;
        return false;
    }
}
