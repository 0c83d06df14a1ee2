using System.Collections.Frozen;

namespace ResistanceSim.Server;

/// <summary>The page script and style, embedded in the assembly (wwwroot/): served by name from a fixed list, never from a path.</summary>
internal static class StaticAssets
{
    private static readonly FrozenDictionary<string, (string ContentType, byte[] Bytes)> Assets = new Dictionary<string, (string, byte[])>
    {
        ["app.js"] = ("text/javascript; charset=utf-8", Read("app.js")),
        ["app.css"] = ("text/css; charset=utf-8", Read("app.css")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string name, out string contentType, out byte[] bytes)
    {
        bool found = Assets.TryGetValue(name, out var asset);
        (contentType, bytes) = found ? asset : ("", []);
        return found;
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"embedded asset wwwroot/{name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
