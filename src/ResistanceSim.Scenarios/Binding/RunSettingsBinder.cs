using ResistanceSim.Model;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>sampling:</c>, <c>stop:</c>, <c>engine:</c> and <c>engine_settings:</c>.</summary>
internal static class RunSettingsBinder
{
    public static Sampling BindSampling(MapReader root)
    {
        var r = root.Map("sampling");
        var sampling = new Sampling(r.Double("every_days", Rules.Positive), r.Long("clone_threshold_cells", Rules.AtLeast(1), defaultValue: 100));
        r.Finish();
        return sampling;
    }

    public static StopRule BindStop(MapReader root)
    {
        var r = root.Map("stop");
        var stop = new StopRule(
            r.Double("days", Rules.Positive),
            r.Double("max_cells", Rules.Positive, defaultValue: 1e15),
            r.Bool("on_progression", defaultValue: false),
            r.Double("progression_fold", Rules.GreaterThan(1), defaultValue: StopRule.DefaultProgressionFold));
        r.Finish();
        return stop;
    }

    public static EngineSettings BindEngine(MapReader root)
    {
        var kind = root.Enum<EngineKind>("engine", EngineKind.Hybrid);
        var defaults = EngineSettings.Default(kind);
        if (root.OptionalMap("engine_settings") is not { } r) return defaults;
        var settings = new EngineSettings(kind,
            r.Double("tau_epsilon", Rules.InRange(0, 1, lowInclusive: false, highInclusive: false), defaultValue: defaults.TauEpsilon),
            r.Int("fenwick_refresh_events", Rules.AtLeast(1), defaultValue: defaults.FenwickRefreshEvents),
            r.Double("rate_step_days", Rules.Positive, defaultValue: defaults.RateStepDays))
        {
            HybridThresholdCells = r.Double("hybrid_threshold_cells", Rules.AtLeast(1), defaultValue: defaults.HybridThresholdCells),
            HybridLargeClones = r.Enum<LargeCloneMode>("hybrid_large_clones", defaults.HybridLargeClones),
            OdeRelativeTolerance = r.Double("ode_rtol", Rules.InRange(0, 1, lowInclusive: false, highInclusive: false), defaultValue: defaults.OdeRelativeTolerance),
            OdeAbsoluteTolerance = r.Double("ode_atol", Rules.Positive, defaultValue: defaults.OdeAbsoluteTolerance),
            CellCycleShape = r.Int("cell_cycle_shape", Rules.InRange(1, EngineSettings.MaxCellCycleShape), defaultValue: defaults.CellCycleShape),
        };
        r.Finish();
        return settings;
    }
}
