namespace ResistanceSim.Integration.Faults;

/// <summary>A fact that needs root (to mount a tmpfs); elsewhere it is skipped with that reason shown. CI (.ci/run) runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Tmpfs.CanMount) Skip = "needs root to mount a tmpfs (run as root, as .ci/run does)";
    }
}
