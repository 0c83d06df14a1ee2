using System.Globalization;
using System.Text;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Every evaluated parameter set, appended as one CSV line and flushed as soon as it is known, one file per shard
/// (<c>journal/shard-K-of-N.csv</c>) so shards on a shared file system never write the same file. A line holds
/// generation, proposal index, distance, the parameter values and the simulated metrics, with round-trip number
/// formatting, so replaying the journal rebuilds the calibration bit for bit. The first line identifies the
/// calibration (its file's hash and seed); a journal of another calibration is refused. A line cut short by a kill
/// has no newline and is ignored. The runs on new patients that choose the preset (<c>preset: nearest_on_new_patients</c>)
/// have journals of their own, <c>journal/new-patients-K-of-N.csv</c> (and with <c>preset_draws</c> &gt; 1
/// <c>new-patients-draw-D-K-of-N.csv</c> for draws D = 2, 3, …), in the same format.
/// </summary>
internal sealed class CalibrationJournal : IDisposable
{
    public sealed record Entry(int Generation, int Index, double Distance, double[] Values, double[] Simulated);

    private readonly string _directory;
    private readonly string _kind;
    private readonly string _identity;
    private readonly StreamWriter _writer;
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _readUpTo = new(StringComparer.Ordinal);

    private CalibrationJournal(string directory, string kind, string identity, StreamWriter writer)
    {
        _directory = directory;
        _kind = kind;
        _identity = identity;
        _writer = writer;
    }

    public static string DirectoryOf(string runDirectory) => Path.Combine(runDirectory, "journal");

    /// <summary>Opens this shard's journal of the fit's evaluations; without <paramref name="resume"/> it must not exist yet.</summary>
    public static CalibrationJournal Open(string runDirectory, ShardSpec shard, string identity, bool resume, string resumeHint) =>
        Open(runDirectory, "shard", shard, identity, resume, resumeHint);

    /// <summary>
    /// Opens this shard's journal of runs on draw <paramref name="draw"/> (from 0) of new patients; appended to whether or
    /// not it exists (the fit's journal, opened first, is checked).
    /// </summary>
    public static CalibrationJournal OpenNewPatients(string runDirectory, ShardSpec shard, string identity, int draw) =>
        Open(runDirectory, draw == 0 ? "new-patients" : $"new-patients-draw-{draw + 1}", shard, identity, resume: true, "");

    private static CalibrationJournal Open(string runDirectory, string kind, ShardSpec shard, string identity, bool resume, string resumeHint)
    {
        string directory = DirectoryOf(runDirectory);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName(kind, shard));
        bool exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (exists && !resume)
            throw new RunRequestException($"{runDirectory} already holds this calibration's evaluations (shard {shard}); continue it with: {resumeHint}, or choose another --out");
        if (exists && ReadIdentity(path) != identity)
            throw new RunRequestException($"{path} belongs to another calibration (other file contents or seed); choose another --out");
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
        if (!exists)
        {
            writer.WriteLine(identity);
            writer.Flush();
        }
        return new CalibrationJournal(directory, kind, identity, writer);
    }

    public void Append(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{entry.Generation},{entry.Index},{Format(entry.Distance)}");
        foreach (double v in entry.Values) line.Append(',').Append(Format(v));
        foreach (double s in entry.Simulated) line.Append(',').Append(Format(s));
        lock (_gate)
        {
            _writer.WriteLine(line.ToString());
            _writer.Flush();
        }
    }

    /// <summary>Every complete line of every shard's journal of this calibration (duplicates included: they are identical).</summary>
    public IReadOnlyList<Entry> ReadAll(int parameters, int targets) => Read(new Dictionary<string, long>(StringComparer.Ordinal), parameters, targets);

    /// <summary>
    /// The complete lines appended to any shard's journal since the last call (every line at the first): a waiting
    /// shard polls this, so each line is read once however long the calibration runs.
    /// </summary>
    public IReadOnlyList<Entry> ReadNew(int parameters, int targets) => Read(_readUpTo, parameters, targets);

    /// <summary>Reads each journal from its offset in <paramref name="readUpTo"/> to its last complete line and moves the offset there.</summary>
    private List<Entry> Read(Dictionary<string, long> readUpTo, int parameters, int targets)
    {
        var entries = new List<Entry>();
        foreach (string path in Directory.EnumerateFiles(_directory, _kind + "-*.csv").Order(StringComparer.Ordinal))
        {
            long from = readUpTo.GetValueOrDefault(path);
            if (from < 0) continue;   // another calibration's journal
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (stream.Length <= from) continue;
                stream.Position = from;
                bytes = new byte[stream.Length - from];
                stream.ReadExactly(bytes);
            }
            int complete = Array.LastIndexOf(bytes, (byte)'\n');
            if (complete < 0) continue;
            var lines = Encoding.UTF8.GetString(bytes, 0, complete).Split('\n');
            if (from == 0 && lines[0] != _identity)
            {
                readUpTo[path] = -1;
                continue;
            }
            readUpTo[path] = from + complete + 1;
            foreach (string line in from == 0 ? lines.Skip(1) : lines)
            {
                var fields = line.Split(',');
                if (fields.Length != 3 + parameters + targets) continue;
                var numbers = fields.Skip(2).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                entries.Add(new Entry(int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture),
                    numbers[0], numbers[1..(1 + parameters)], numbers[(1 + parameters)..]));
            }
        }
        return entries;
    }

    public void Dispose() => _writer.Dispose();

    private static string FileName(string kind, ShardSpec shard) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{shard.Index}-of-{shard.Count}.csv");

    private static string? ReadIdentity(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
