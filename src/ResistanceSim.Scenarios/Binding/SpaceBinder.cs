using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>space:</c>, the agent engine's lattice (or <c>kind: none</c>, well mixed).</summary>
internal static class SpaceBinder
{
    public const string Key = "space";

    /// <summary>A lattice side: a whole number of sites ≥ 1.</summary>
    public static Rule SideRule { get; } = Rules.Must("a whole number >= 1", v => v >= 1 && v == Math.Floor(v) && v <= int.MaxValue);

    /// <summary>A lattice coordinate: a whole number ≥ 0 (checked against the size by the binder).</summary>
    public static Rule CoordinateRule { get; } = Rules.Must("a whole number >= 0", v => v >= 0 && v == Math.Floor(v) && v <= int.MaxValue);

    public static IReadOnlyList<string> Kinds { get; } = ["lattice", "none"];

    /// <summary>The lattice, or null for none (well mixed) and for the clone engines.</summary>
    public static Lattice? Bind(MapReader root, EngineKind engine)
    {
        if (root.OptionalMap(Key) is not { } r)
            return null;
        if (engine != EngineKind.Agents)
            root.Report(Key, $"applies only to engine: agents (engine is {engine.ToString().ToLowerInvariant()})");
        string kind = r.Enum("kind", Kinds, defaultValue: "lattice");
        if (kind == "none")
        {
            if (r.Has(DrugFieldBinder.Key))
            {
                r.Accept(DrugFieldBinder.Key);   // one error, this one, rather than 'unknown key' too
                r.Report(DrugFieldBinder.Key, "needs a lattice (space.kind is none: well-mixed cells have no sites for drug to diffuse between)");
            }
            r.Finish();
            return null;
        }
        int dims = r.Int("dims", Rules.InRange(2, 3));
        var sides = r.Doubles("size", SideRule, required: true);
        var size = sides.Count == 1 ? Enumerable.Repeat((int)sides[0], dims).ToArray() : sides.Select(s => (int)s).ToArray();
        if (size.Length != dims)
            r.Report("size", $"must give one side per dimension ({dims}) or one side for all ({size.Length} given)");
        var boundary = r.Enum<LatticeBoundary>("boundary", LatticeBoundary.Fixed);
        var lattice = new Lattice(size,
            r.Enum<Neighbourhood>("neighbourhood", Neighbourhood.Moore),
            boundary,
            r.Enum<InitialLayout>("layout", InitialLayout.Ball),
            r.Int("push_depth", Rules.InRange(0, MaxPushDepth), defaultValue: 0))
        {
            SnapshotEveryDays = r.OptionalDouble("snapshot_every_days", Rules.Positive) ?? double.PositiveInfinity,
            MaxSnapshotCells = r.Long("max_snapshot_cells", Rules.AtLeast(1), defaultValue: Lattice.DefaultMaxSnapshotCells),
            DrugField = DrugFieldBinder.Bind(r, dims, boundary),
        };
        if (size.Length == dims && size.All(s => s >= 1) && lattice.Sites > Array.MaxLength)
            r.Report("size", string.Create(CultureInfo.InvariantCulture,
                $"gives {lattice.Sites:N0} sites, more than the {Array.MaxLength:N0} one lattice can address (it would need {ByteSize.Format(lattice.MemoryBytes)} per replicate)"));
        r.Finish();
        return lattice;
    }

    /// <summary>The longest chain of cells a division may push.</summary>
    public const int MaxPushDepth = 64;
}
