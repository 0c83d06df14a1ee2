using System.Text;
using ResistanceSim.Model.Random;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// The random stream a cohort draws one patient's value of one <c>variability:</c> entry from, keyed by
/// (seed, patient, parameter path). Keying by the path rather than by the entry's position means adding,
/// removing or reordering entries leaves every other parameter's draws unchanged, so two versions of a
/// cohort that differ in one distribution keep common random numbers for the rest (docs/decisions.md).
/// </summary>
internal static class PatientParameterStream
{
    public static SplitMixStream For(ulong seed, int patient, YamlPath parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return SplitMixStream.For(seed, (ulong)patient, PathKey(parameter));
    }

    /// <summary>
    /// FNV-1a (64-bit) of the path's canonical text (<c>protocol[0].days</c>), so the key does not depend on
    /// how the path was spelled nor on the .NET runtime's randomised string hashing.
    /// </summary>
    internal static ulong PathKey(YamlPath parameter)
    {
        const ulong offsetBasis = 0xCBF29CE484222325UL, prime = 0x100000001B3UL;
        ulong hash = offsetBasis;
        foreach (byte b in Encoding.UTF8.GetBytes(parameter.ToString()))
            hash = (hash ^ b) * prime;
        return hash;
    }
}
