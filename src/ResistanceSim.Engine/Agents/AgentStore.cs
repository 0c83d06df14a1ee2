namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The living cells of the agent engine, addressed by site: per site the occupant's clone slot and cell-cycle stage
/// packed in one int (0 = empty) and its position in its clone's list of sites, so a uniformly random cell of a clone
/// is one array read and a cell leaves its clone in O(1) (the last member takes its place). That is 8 bytes per site
/// and 4 per cell. Clones are held by slot, a number that does not change while the clone lives; the run's clone
/// indices (which move when a clone is retired) map to slots here, so retiring a clone never touches its cells.
/// </summary>
internal sealed class AgentStore
{
    private const int StageShift = 24;
    private const int SlotMask = (1 << StageShift) - 1;

    /// <summary>Most cell-cycle stages a cell can carry in the packed occupant word.</summary>
    public const int MaxStages = 127;

    private int[] _occupant = [];
    private int[] _position = [];
    private int[][] _members = [];
    private int[] _memberCount = [];
    private int[] _slotOfClone = [];
    private int[] _cloneOfSlot = [];
    private readonly Stack<int> _freeSlots = new();
    private int _slotsUsed;

    /// <summary>Clones of the run this store knows (indices 0..Tracked−1).</summary>
    public int TrackedClones { get; private set; }

    /// <summary>Living cells.</summary>
    public long Count { get; private set; }

    /// <summary>Sites the store can address.</summary>
    public int Sites => _occupant.Length;

    /// <summary>Empties the store and makes it address <paramref name="sites"/> sites.</summary>
    public void Reset(int sites)
    {
        if (_occupant.Length != sites)
        {
            _occupant = new int[sites];
            _position = new int[sites];
        }
        else
        {
            Array.Clear(_occupant);
        }
        for (int s = 0; s < _slotsUsed; s++) _memberCount[s] = 0;
        _freeSlots.Clear();
        _slotsUsed = 0;
        TrackedClones = 0;
        Count = 0;
    }

    /// <summary>Grows the addressable sites to at least <paramref name="sites"/> (well-mixed space, where sites are just cell ids).</summary>
    public void EnsureSites(int sites)
    {
        if (sites <= _occupant.Length) return;
        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(sites, 2L * _occupant.Length));
        Array.Resize(ref _occupant, capacity);
        Array.Resize(ref _position, capacity);
    }

    public bool IsEmpty(int site) => _occupant[site] == 0;

    /// <summary>The run's clone index of the cell at <paramref name="site"/>.</summary>
    public int CloneAt(int site) => _cloneOfSlot[(_occupant[site] & SlotMask) - 1];

    public int StageAt(int site) => _occupant[site] >>> StageShift;

    public void SetStage(int site, int stage) => _occupant[site] = (_occupant[site] & SlotMask) | (stage << StageShift);

    public int CellsOf(int clone) => _memberCount[_slotOfClone[clone]];

    /// <summary>The site of member <paramref name="k"/> ∈ [0, <see cref="CellsOf"/>) of clone <paramref name="clone"/>.</summary>
    public int MemberSite(int clone, int k) => _members[_slotOfClone[clone]][k];

    /// <summary>A new cell of clone <paramref name="clone"/> at the empty site <paramref name="site"/>.</summary>
    public void Place(int site, int clone, int stage)
    {
        int slot = _slotOfClone[clone];
        ref int[] members = ref _members[slot];
        int k = _memberCount[slot]++;
        if (k == members.Length) Array.Resize(ref members, Math.Max(4, 2 * members.Length));
        members[k] = site;
        _occupant[site] = (stage << StageShift) | (slot + 1);
        _position[site] = k;
        Count++;
    }

    /// <summary>Removes the cell at <paramref name="site"/> (death, or sampled out by passaging).</summary>
    public void Vacate(int site)
    {
        int slot = (_occupant[site] & SlotMask) - 1;
        int k = _position[site];
        int last = --_memberCount[slot];
        int moved = _members[slot][last];
        _members[slot][k] = moved;
        _position[moved] = k;
        _occupant[site] = 0;
        Count--;
    }

    /// <summary>Moves the cell at <paramref name="from"/> to the empty site <paramref name="to"/> (pushing, reseeding).</summary>
    public void Move(int from, int to)
    {
        int slot = (_occupant[from] & SlotMask) - 1;
        int k = _position[from];
        _members[slot][k] = to;
        _occupant[to] = _occupant[from];
        _position[to] = k;
        _occupant[from] = 0;
    }

    /// <summary>The cell at <paramref name="site"/> joins clone <paramref name="clone"/> in place (a phenotype switch), keeping its stage.</summary>
    public void Transfer(int site, int clone)
    {
        int stage = StageAt(site);
        Vacate(site);
        Place(site, clone, stage);
    }

    /// <summary>The run's clone at <paramref name="index"/> is new (the run appends clones): it gets a slot.</summary>
    public void TrackNewClone(int index)
    {
        if (index != TrackedClones) throw new InvalidOperationException($"Agent store: clone {index} appeared while {TrackedClones} are tracked.");
        int slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotsUsed++;
        if (slot > SlotMask - 1) throw new InvalidOperationException($"The agent engine holds at most {SlotMask - 1} living clones.");
        EnsureSlotCapacity(slot + 1, index + 1);
        _memberCount[slot] = 0;
        _slotOfClone[index] = slot;
        _cloneOfSlot[slot] = index;
        TrackedClones++;
    }

    /// <summary>The run retired clone <paramref name="index"/> (it has no cells left here) and moved clone <paramref name="movedFrom"/> (or none, −1) into its index.</summary>
    public void RetireClone(int index, int movedFrom)
    {
        int slot = _slotOfClone[index];
        if (_memberCount[slot] != 0) throw new InvalidOperationException($"Agent store: clone {index} retired with {_memberCount[slot]} cells on the lattice.");
        _freeSlots.Push(slot);
        if (movedFrom >= 0)
        {
            int movedSlot = _slotOfClone[movedFrom];
            _slotOfClone[index] = movedSlot;
            _cloneOfSlot[movedSlot] = index;
        }
        TrackedClones--;
    }

    private void EnsureSlotCapacity(int slots, int clones)
    {
        if (_members.Length < slots)
        {
            int capacity = Math.Max(slots, 2 * _members.Length);
            int old = _members.Length;
            Array.Resize(ref _members, capacity);
            for (int s = old; s < capacity; s++) _members[s] = [];
            Array.Resize(ref _memberCount, capacity);
            Array.Resize(ref _cloneOfSlot, capacity);
        }
        if (_slotOfClone.Length < clones) Array.Resize(ref _slotOfClone, Math.Max(clones, 2 * _slotOfClone.Length));
    }
}
