namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Where a leap's large clones switch to, found once when the hybrid engine sizes the leap and used again when it takes
/// it: per clone and phenotype, the share of the clone's switching cells that flip it and the sibling they join (−1
/// while there is none). Valid for one leap only: clone indices hold until its arrivals found new clones.
/// </summary>
internal sealed class LeapSwitchPlan
{
    private const int NoSibling = -1;

    private int _phenotypes;
    private double[] _shares = [];
    private int[] _siblings = [];
    private bool[] _switches = [];
    private long[] _counts = [];

    /// <summary>Starts a leap over <paramref name="clones"/> clones of <paramref name="phenotypes"/> phenotype flags.</summary>
    public void Begin(int clones, int phenotypes)
    {
        _phenotypes = phenotypes;
        if (_counts.Length < phenotypes) _counts = new long[phenotypes];
        int size = clones * phenotypes;
        if (_switches.Length < clones) _switches = new bool[Math.Max(clones, _switches.Length * 2)];
        Array.Clear(_switches, 0, clones);
        if (_shares.Length >= size) return;
        int capacity = Math.Max(size, _shares.Length * 2);
        _shares = new double[capacity];
        _siblings = new int[capacity];
    }

    /// <summary>Room for one clone's split of its switching cells over the phenotypes.</summary>
    public Span<long> Counts => _counts.AsSpan(0, _phenotypes);

    /// <summary>Whether clone <paramref name="clone"/> was planned with a positive switching rate this leap.</summary>
    public bool Switches(int clone) => _switches[clone];

    /// <summary>Clone <paramref name="clone"/>'s switching rates per phenotype; <see cref="Normalise"/> turns them into shares.</summary>
    public Span<double> Shares(int clone) => _shares.AsSpan(clone * _phenotypes, _phenotypes);

    /// <summary>The sibling each of clone <paramref name="clone"/>'s phenotype flips joins (−1: none yet, or a rate of 0).</summary>
    public Span<int> Siblings(int clone) => _siblings.AsSpan(clone * _phenotypes, _phenotypes);

    /// <summary>Clears clone <paramref name="clone"/>'s siblings before they are looked up.</summary>
    public void ClearSiblings(int clone) => Siblings(clone).Fill(NoSibling);

    /// <summary>
    /// Turns clone <paramref name="clone"/>'s rates into shares (<see cref="Spans.DivideBySum"/>, as the tau engine's split
    /// does, so a multinomial over them draws the same split); a clone whose rates sum to 0 switches nothing.
    /// </summary>
    public void Normalise(int clone) => _switches[clone] = Spans.DivideBySum(Shares(clone));
}
