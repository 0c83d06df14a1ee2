using System.Globalization;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Calibration;

/// <summary>Reads a free parameter's prior: <c>{ uniform: { min, max } }</c>, <c>{ loguniform: { min, max } }</c> or <c>{ normal: { mean, sd, min?, max? } }</c>.</summary>
internal static class PriorReader
{
    public static readonly string[] Kinds = ["uniform", "loguniform", "normal"];

    public static Prior? Read(MapReader parameter)
    {
        var present = Kinds.Where(parameter.Has).ToArray();
        if (present.Length != 1)
        {
            parameter.Bag.Error(parameter.Location, parameter.Path,
                $"{parameter.Path} must have exactly one prior: uniform, loguniform or normal ({(present.Length == 0 ? "none" : string.Join(", ", present))} supplied)");
            return null;
        }
        var r = parameter.Map(present[0]);
        Prior prior;
        switch (present[0])
        {
            case "uniform":
                prior = new UniformPrior(r.Double("min", Rules.Finite), r.Double("max", Rules.Finite));
                break;
            case "loguniform":
                prior = new LogUniformPrior(r.Double("min", Rules.Positive), r.Double("max", Rules.Positive));
                break;
            default:
                prior = new NormalPrior(r.Double("mean", Rules.Finite), r.Double("sd", Rules.Positive),
                    r.Double("min", defaultValue: double.NegativeInfinity), r.Double("max", defaultValue: double.PositiveInfinity));
                break;
        }
        r.Finish();
        if (!(prior.Support.Max > prior.Support.Min))
        {
            r.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be > min ({prior.Support.Max} <= {prior.Support.Min})"));
            return null;
        }
        return r.Bag.HasErrors ? null : prior;
    }
}
