using System.Numerics;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The indexes of the set bits of a bit array (bit i is bit i % 64 of word i / 64), in increasing order:
/// <c>foreach (int site in new SetBitIndexes(occupied))</c>, without allocating. A sparse array costs its set bits,
/// not its length.
/// </summary>
internal ref struct SetBitIndexes(ReadOnlySpan<ulong> words)
{
    private readonly ReadOnlySpan<ulong> _words = words;
    private int _word = -1;
    private ulong _bits;

    /// <summary>The index of the bit <see cref="MoveNext"/> found.</summary>
    public int Current { get; private set; }

    public readonly SetBitIndexes GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_bits == 0)
        {
            if (++_word >= _words.Length) return false;
            _bits = _words[_word];
        }
        Current = (_word << 6) + BitOperations.TrailingZeroCount(_bits);
        _bits &= _bits - 1;
        return true;
    }
}
