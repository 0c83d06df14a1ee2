namespace ResistanceSim.Engine.Running;

/// <summary>
/// Told when the run changes clone state, so an algorithm can keep its own index structures
/// (the exact engine's Fenwick trees) in step without rescanning.
/// </summary>
public interface ICloneListener
{
    /// <summary>The cells or rates of the clone at <paramref name="index"/> changed (or it was just added).</summary>
    void CloneChanged(int index);

    /// <summary>The clone at <paramref name="index"/> was retired; the clone formerly at <paramref name="movedFrom"/> (or none, −1) now sits there.</summary>
    void CloneRetired(int index, int movedFrom);

    /// <summary>Every clone's rates changed (drug levels moved).</summary>
    void AllRatesChanged();
}
