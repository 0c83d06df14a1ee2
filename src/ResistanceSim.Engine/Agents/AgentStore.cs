using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The living cells of the agent engine, addressed by site: per site the occupant's clone slot and cell-cycle stage
/// packed in one int (0 = empty) and its position in its clone's list of sites, side by side so that one cache miss
/// fetches both; a uniformly random cell of a clone is one array read and a cell leaves its clone in O(1) (the last
/// member takes its place). That is 8 bytes per site and 4 per cell. Clones are held by slot, a number that does not change while the clone lives; the run's clone
/// indices (which move when a clone is retired) map to slots here, so retiring a clone never touches its cells.
/// <para>
/// Beside them, one bit per site says whether it is occupied: on a lattice of 1e6 sites that is 125 kB, which stays in
/// cache where the 8 MB of site records do not, so the neighbour scans of a division and the draw of a random cell of a
/// clone that fills the lattice (<see cref="RandomCell"/>) read no site record at all.
/// </para>
/// <para>
/// Such a clone — the only one with cells, on at least an eighth of the sites of the box that holds every cell
/// (<see cref="OccupiedBox"/>: the dish, or the box around a ball) — needs no list (it is drawn by rejection over the box
/// or, when they are fewer sites, the chunks of eight sites that hold its cells, <see cref="OccupiedChunks"/>), and keeping it costs two more cache
/// misses per death (the list entry and the moved member's record): its list is dropped, and rebuilt by one scan of the
/// sites when another clone gets a cell or it falls below a sixteenth of the box. A list is dropped only after as many
/// placements and removals as that scan visits (the cells and the words of occupancy bits) since it was last rebuilt, so
/// the scans cost O(1) per change amortised.
/// While it is dropped the site records are not kept either — every occupied site is that clone's, and that scan
/// rewrites them — so a birth and a death write no record (each was a cache miss on a large lattice); only a cell's
/// stage is written, once some cell has had a stage other than 0.
/// </para>
/// </summary>
internal sealed class AgentStore
{
    private const int StageShift = 24;
    private const int SlotMask = (1 << StageShift) - 1;

    /// <summary>Most cell-cycle stages a cell can carry in the packed occupant word.</summary>
    public const int MaxStages = 127;

    private SiteRecord[] _sites = [];
    private ulong[] _occupied = [];
    private readonly OccupiedBox _box = new();
    private readonly OccupiedChunks _chunks = new();
    private bool _chunksIncomplete;   // cells were placed while the box was the whole grid, unlisted in the chunks (see IncludeInChunks)
    private int[][] _members = [];
    private int[] _memberCount = [];
    private int[] _slotOfClone = [];
    private int[] _cloneOfSlot = [];
    private readonly Stack<int> _freeSlots = new();
    private int _slotsUsed;
    private int _unlistedSlot = -1;   // the slot whose list (and whose cells' site records) is dropped, or −1
    private bool _stagesInUse;   // some cell has had a stage other than 0 since Reset: until then every record's stage is 0
    private long _changesSinceListed;

    /// <summary>Clones of the run this store knows (indices 0..Tracked−1).</summary>
    public int TrackedClones { get; private set; }

    /// <summary>Living cells.</summary>
    public long Count { get; private set; }

    /// <summary>Sites the store can address.</summary>
    public int Sites => _sites.Length;

    /// <summary>Empties the store and makes it address <paramref name="sites"/> sites in one row (well mixed: sites are cell ids).</summary>
    public void Reset(int sites) => Reset(sites, 1, 1);

    /// <summary>Empties the store and makes it address the sites of an <paramref name="x"/> × <paramref name="y"/> × <paramref name="z"/> lattice.</summary>
    public void Reset(int x, int y, int z)
    {
        int sites = checked(x * y * z);
        _box.Reset(x, y, z);
        _chunks.Reset(sites);
        _chunksIncomplete = false;
        if (_sites.Length != sites)
        {
            _sites = new SiteRecord[sites];
            _occupied = new ulong[WordsFor(sites)];
        }
        else
        {
            Array.Clear(_sites);
            Array.Clear(_occupied);
        }
        for (int s = 0; s < _slotsUsed; s++) _memberCount[s] = 0;
        _freeSlots.Clear();
        _slotsUsed = 0;
        _unlistedSlot = -1;
        _stagesInUse = false;
        _changesSinceListed = long.MaxValue / 2;   // nothing listed yet to pay back
        TrackedClones = 0;
        Count = 0;
    }

    /// <summary>Grows the addressable sites to at least <paramref name="sites"/> (well-mixed space, where sites are just cell ids).</summary>
    public void EnsureSites(int sites)
    {
        if (sites <= _sites.Length) return;
        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(sites, 2L * _sites.Length));
        Array.Resize(ref _sites, capacity);
        Array.Resize(ref _occupied, WordsFor(capacity));
        _box.Widen(capacity);
        _chunks.Widen(capacity);
    }

    /// <summary>Words of occupancy bits for <paramref name="sites"/> sites, plus one left 0 so that <see cref="OccupiedTriple"/> may read past the last.</summary>
    private static int WordsFor(int sites) => (int)((((long)sites + 63) >> 6) + 1);

    public bool IsEmpty(int site) => (_occupied[site >> 6] & (1UL << site)) == 0;

    /// <summary>The occupied sites, in increasing order, read from the occupancy bits.</summary>
    public SetBitIndexes OccupiedSites => new(_occupied);

    /// <summary>
    /// Whether the sites <paramref name="first"/>, first + 1 and first + 2 are occupied, as bits 0, 1 and 2: a row of a
    /// neighbourhood in one or two adjacent words, without a branch (a word boundary inside the row is 3 in 64).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint OccupiedTriple(int first)
    {
        int word = first >> 6, bit = first & 63;
        // The next word's bits shifted in above the first's; << 1 << (63 − bit) is << (64 − bit), 0 when bit is 0.
        return (uint)((_occupied[word] >> bit) | (_occupied[word + 1] << 1 << (63 - bit))) & 7;
    }

    /// <summary>
    /// A uniformly random cell of clone <paramref name="clone"/> (its site). A clone that is the only one on the lattice
    /// and fills at least an eighth of the box around the cells (a sixteenth once unlisted) is drawn by rejection over the
    /// box's sites, or over the sites of the chunks that hold its cells (<see cref="OccupiedChunks"/>) when they are fewer,
    /// against the occupancy bits (at most 16 draws on average, all in cache); any other from its list, one read of a
    /// large array. All are uniform over its cells.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int RandomCell(int clone, ref Xoshiro256StarStar rng)
    {
        int slot = _slotOfClone[clone];
        int cells = _memberCount[slot];
        if (slot != _unlistedSlot)
        {
            if (cells != Count || cells < _box.Volume >> 3)
                return _members[slot][cells == 1 ? 0 : (int)rng.NextUInt64((ulong)cells)];
            if (_changesSinceListed >= RelistCost) Unlist(slot);
        }
        // A copy of the generator, kept in registers through the draws: the one passed by reference is in memory,
        // where each draw would wait for its own stores. The smaller region has the fewer rejections: the box on a
        // confluent dish (one draw, no indirection), the chunks around a ball.
        var local = rng;
        int site;
        if (!_chunksIncomplete && _chunks.Volume < _box.Volume)
        {
            do site = _chunks.RandomSite(ref local);
            while (IsEmpty(site));
        }
        else
        {
            do site = _box.RandomSite(ref local);
            while (IsEmpty(site));
        }
        rng = local;
        return site;
    }

    /// <summary>Drops the list of <paramref name="slot"/>, the only clone with cells, and the chunks its cells have left (listed clones leave chunks behind unchecked).</summary>
    private void Unlist(int slot)
    {
        _unlistedSlot = slot;
        _chunks.DropEmpty(_occupied);
    }

    /// <summary>Whether clone <paramref name="clone"/> keeps a list of its cells (<see cref="MemberSite"/>); see the class notes.</summary>
    public bool IsListed(int clone) => _slotOfClone[clone] != _unlistedSlot;

    /// <summary>What <see cref="Relist"/> visits: the words of occupancy bits and the cells.</summary>
    private long RelistCost => _occupied.Length + Count;

    /// <summary>
    /// Rebuilds the dropped list and its cells' records from the sites (the unlisted clone is still the only one with
    /// cells), and the box tight around them.
    /// </summary>
    private void Relist()
    {
        int slot = _unlistedSlot;
        _unlistedSlot = -1;
        _changesSinceListed = 0;
        _box.Clear();
        _chunks.Reset(_sites.Length);
        _chunksIncomplete = false;
        ref int[] members = ref _members[slot];
        if (members.Length < _memberCount[slot]) members = new int[Math.Max(_memberCount[slot], 2 * members.Length)];
        int k = 0;
        foreach (int site in OccupiedSites)
        {
            members[k] = site;
            _box.Include(site);
            _chunks.Include(site);
            ref SiteRecord record = ref _sites[site];
            record.Occupant = (record.Occupant & ~SlotMask) | (slot + 1);   // its stage is kept (see Place)
            record.Position = k++;
        }
    }

    /// <summary>The run's clone index of the cell at <paramref name="site"/>.</summary>
    public int CloneAt(int site) => _cloneOfSlot[_unlistedSlot >= 0 ? _unlistedSlot : (_sites[site].Occupant & SlotMask) - 1];

    public int StageAt(int site) => _sites[site].Occupant >>> StageShift;

    public void SetStage(int site, int stage)
    {
        if (stage != 0) _stagesInUse = true;
        _sites[site].Occupant = (_sites[site].Occupant & SlotMask) | (stage << StageShift);
    }

    public int CellsOf(int clone) => _memberCount[_slotOfClone[clone]];

    /// <summary>The site of member <paramref name="k"/> ∈ [0, <see cref="CellsOf"/>) of clone <paramref name="clone"/>.</summary>
    public int MemberSite(int clone, int k) => _members[_slotOfClone[clone]][k];

    /// <summary>A new cell of clone <paramref name="clone"/> at the empty site <paramref name="site"/>.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Place(int site, int clone, int stage)
    {
        int slot = _slotOfClone[clone];
        if (_unlistedSlot >= 0 && slot != _unlistedSlot) Relist();   // no longer the only clone
        if (stage != 0) _stagesInUse = true;
        int k = _memberCount[slot]++;
        if (slot != _unlistedSlot)
        {
            ref int[] members = ref _members[slot];
            if (k == members.Length) Array.Resize(ref members, Math.Max(4, 2 * members.Length));
            members[k] = site;
            _sites[site] = new SiteRecord { Occupant = (stage << StageShift) | (slot + 1), Position = k };
        }
        else if (_stagesInUse)
        {
            // Unlisted: only the stage is read (the record may hold an earlier cell's); slot and position come with Relist.
            _sites[site].Occupant = (stage << StageShift) | (slot + 1);
        }
        _occupied[site >> 6] |= 1UL << site;
        _box.Include(site);
        IncludeInChunks(site);
        _changesSinceListed++;
        Count++;
    }

    /// <summary>
    /// Lists the chunk of a newly occupied site, unless the box is the whole grid (a dish): that box is drawn from
    /// without a list, and once the chunks miss a cell they are not drawn from (<see cref="RandomCell"/>) until the scan
    /// that makes the box tight again rebuilds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void IncludeInChunks(int site)
    {
        if (_box.IsWholeGrid) _chunksIncomplete = true;
        else _chunks.Include(site);
    }

    /// <summary>Removes the cell at <paramref name="site"/> (death, or sampled out by passaging).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Vacate(int site)
    {
        _occupied[site >> 6] &= ~(1UL << site);
        _changesSinceListed++;
        Count--;
        if (_unlistedSlot >= 0)
        {
            // The only clone's cell: its record is neither read nor written (an empty site's record is never read).
            if (--_memberCount[_unlistedSlot] < _box.Volume >> 4) Relist();   // too sparse for drawing by rejection
            else if (_chunks.Volume > Count << 4) _chunks.DropEmpty(_occupied);   // O(1) amortised: the chunks left are at most the cells
            return;
        }
        ref SiteRecord record = ref _sites[site];
        int slot = (record.Occupant & SlotMask) - 1;
        int k = record.Position;
        record.Occupant = 0;
        int last = --_memberCount[slot];
        int[] members = _members[slot];
        int moved = members[last];
        members[k] = moved;
        _sites[moved].Position = k;
    }

    /// <summary>Moves the cell at <paramref name="from"/> to the empty site <paramref name="to"/> (pushing, reseeding).</summary>
    public void Move(int from, int to)
    {
        ref SiteRecord record = ref _sites[from];
        if (_unlistedSlot < 0) _members[(record.Occupant & SlotMask) - 1][record.Position] = to;
        _sites[to] = record;
        record.Occupant = 0;
        _occupied[to >> 6] |= 1UL << to;
        _occupied[from >> 6] &= ~(1UL << from);
        _box.Include(to);
        IncludeInChunks(to);
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
        if (slot == _unlistedSlot) _unlistedSlot = -1;
        _freeSlots.Push(slot);
        if (movedFrom >= 0)
        {
            int movedSlot = _slotOfClone[movedFrom];
            _slotOfClone[index] = movedSlot;
            _cloneOfSlot[movedSlot] = index;
        }
        TrackedClones--;
    }

    /// <summary>A site's occupant word and its position in its clone's list side by side: one cache line for both.</summary>
    private struct SiteRecord
    {
        public int Occupant;
        public int Position;
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
