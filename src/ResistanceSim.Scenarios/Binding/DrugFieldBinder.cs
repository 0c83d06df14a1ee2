using System.Collections.Immutable;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>space.drug_field</c>, the agent engine's drug diffusion field on a lattice.</summary>
internal static class DrugFieldBinder
{
    public const string Key = "drug_field";

    /// <summary>The fraction of sites that are vessels: in (0, 1].</summary>
    public static Rule VesselDensityRule { get; } = Rules.InRange(0, 1, lowInclusive: false);

    /// <summary>The faces as YAML writes them, in <see cref="LatticeFace"/> order.</summary>
    public static ImmutableArray<string> FaceNames { get; } = ["x_min", "x_max", "y_min", "y_max", "z_min", "z_max"];

    /// <summary>The field of a lattice of <paramref name="dims"/> dimensions and <paramref name="boundary"/>, or null when absent.</summary>
    public static DrugField? Bind(MapReader space, int dims, LatticeBoundary boundary)
    {
        if (space.OptionalMap(Key) is not { } r) return null;
        var sources = r.Enum<DrugSources>("sources");
        double length = r.Double("diffusion_length_sites", Rules.Positive);
        double every = r.Double("update_every_days", Rules.Positive, defaultValue: DrugField.DefaultUpdateEveryDays);
        double? density = r.OptionalDouble("vessel_density", VesselDensityRule);
        var faceNames = r.Strings("faces");
        var faces = Faces(r, faceNames, dims);
        if (sources == DrugSources.Vessels)
        {
            if (density is null) r.Report("sources", "is vessels, which needs vessel_density (the fraction of sites that are vessels)");
            if (faceNames.Count > 0) r.Report("faces", "applies only to sources: surface (sources is vessels)");
        }
        else
        {
            if (density is not null) r.Report("vessel_density", "applies only to sources: vessels (sources is surface)");
            if (boundary == LatticeBoundary.Periodic)
                r.Report("sources", "is surface, which needs space.boundary: fixed (a periodic lattice has no surface)");
            if (faceNames.Count == 0) faces = [.. Enum.GetValues<LatticeFace>().Take(2 * dims)];
        }
        r.Finish();
        return new DrugField(sources, length, every) { Faces = faces, VesselDensity = density ?? 0 };
    }

    private static LatticeFace[] Faces(MapReader r, IReadOnlyList<string> names, int dims)
    {
        var faces = new List<LatticeFace>();
        foreach (string name in names)
        {
            int index = FaceNames.IndexOf(name);
            if (index < 0 || index >= 2 * dims)
                r.Report("faces", $"lists '{name}', not a face of a {dims}D lattice ({string.Join(", ", FaceNames.Take(2 * dims))})");
            else if (!faces.Contains((LatticeFace)index))
                faces.Add((LatticeFace)index);
        }
        return [.. faces];
    }
}
