namespace ResistanceSim.Model;

/// <summary>
/// The mechanisms a scenario lets cells acquire, indexed for fast genotype decoding. At most one
/// ALK amplification mechanism; ALK kinase mutations, other heritable mechanisms and phenotypes
/// each get their own dense index range (see <see cref="GenotypeLayout"/>).
/// </summary>
public sealed class MechanismCatalog
{
    public MechanismCatalog(IReadOnlyList<Mechanism> mechanisms, int maxAlkMutations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAlkMutations);
        All = mechanisms;
        MaxAlkMutations = maxAlkMutations;
        AlkMutations = mechanisms.OfType<AlkKinaseMutation>().ToArray();
        Amplification = mechanisms.OfType<AlkAmplification>().SingleOrDefault();
        OtherHeritable = mechanisms.OfType<HeritableMechanism>()
            .Where(m => m is not AlkKinaseMutation and not AlkAmplification).ToArray();
        Phenotypes = mechanisms.OfType<PhenotypeState>().ToArray();
        Layout = new GenotypeLayout(this);
        _subIndex = mechanisms.Select(m => m switch
        {
            AlkKinaseMutation a => IndexIn(AlkMutations, a),
            PhenotypeState p => IndexIn(Phenotypes, p),
            AlkAmplification => 0,
            HeritableMechanism h => IndexIn(OtherHeritable, h),
            _ => throw new ArgumentException($"Unknown mechanism type {m.GetType().Name}."),
        }).ToArray();
        var wholeSites = new List<ulong>();
        for (int m = 0; m < mechanisms.Count; m++)
        {
            if (mechanisms[m] is not Sanctuary) continue;
            ulong bit = Layout.WithOther(0, _subIndex[m]);
            SanctuaryBits |= bit;
            if (_subIndex[m] != Layout.LesionSite) wholeSites.Add(bit);
        }
        WholeSanctuaryBits = wholeSites.ToArray();
    }

    private readonly int[] _subIndex;

    /// <summary>The genotype bits of every sanctuary mechanism: a cell is in a sanctuary when its genotype has any of them.</summary>
    public ulong SanctuaryBits { get; }

    /// <summary>
    /// The bit of each sanctuary that does not follow its lesions one by one, in catalog order: a scan images each such
    /// site as one lesion holding all its cells.
    /// </summary>
    public IReadOnlyList<ulong> WholeSanctuaryBits { get; }

    /// <summary>Whether a cell of genotype <paramref name="genotype"/> carries catalog mechanism <paramref name="index"/>.</summary>
    public bool Carries(ulong genotype, int index) => All[index] switch
    {
        AlkKinaseMutation => Layout.HasAlkMutation(genotype, _subIndex[index]),
        AlkAmplification => Layout.AlkCopies(genotype) > 1,
        PhenotypeState => Layout.HasPhenotype(genotype, _subIndex[index]),
        _ => Layout.HasOther(genotype, _subIndex[index]),
    };

    private static int IndexIn<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (int i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], item)) return i;
        throw new ArgumentException("Mechanism missing from its kind's list.");
    }

    public IReadOnlyList<Mechanism> All { get; }
    public int MaxAlkMutations { get; }
    public IReadOnlyList<AlkKinaseMutation> AlkMutations { get; }
    public AlkAmplification? Amplification { get; }
    /// <summary>Bypass, downstream and generic fitness mechanisms: one presence bit each.</summary>
    public IReadOnlyList<HeritableMechanism> OtherHeritable { get; }
    public IReadOnlyList<PhenotypeState> Phenotypes { get; }
    public GenotypeLayout Layout { get; }

    public int IndexOf(string name)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name) return i;
        }
        return -1;
    }

    public static MechanismCatalog Empty { get; } = new([], 0);
}
