namespace ResistanceSim.Engine.Running;

/// <summary>
/// Told when the run changes clone state, so an algorithm can keep its own index structures
/// (the exact engine's clone index) in step without rescanning.
/// </summary>
public interface ICloneListener
{
    /// <summary>
    /// The cells of the clone at <paramref name="index"/> changed, or it was just added (at the end, index = the old
    /// count). A clone's rates change only when it is added or with <see cref="AllRatesChanged"/>, so a listener may
    /// keep per-clone rates between those.
    /// </summary>
    void CloneChanged(int index);

    /// <summary>The clone at <paramref name="index"/> was retired; the clone formerly at <paramref name="movedFrom"/> (or none, −1) now sits there.</summary>
    void CloneRetired(int index, int movedFrom);

    /// <summary>Every clone's rates changed (drug levels moved).</summary>
    void AllRatesChanged();
}
