using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResistanceSim.Output.Locking;

/// <summary>
/// Who holds a run directory's lock, written beside the lock file (<c>&lt;lock&gt;.holder.json</c>; the lock
/// file itself cannot be read while locked, since .NET takes a shared lock even to read) so that a refused run can name the holder
/// and a later run can tell a live holder from a dead one (same host: the process id is alive and started
/// when the holder says; the start time guards against a reused id).
/// </summary>
public sealed record LockHolder(
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("process_started_utc")] DateTime ProcessStartedUtc,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("command")] string Command)
{
    public static LockHolder Current(string shard, string command)
    {
        using var self = Process.GetCurrentProcess();
        return new LockHolder(self.Id, Environment.MachineName, self.StartTime.ToUniversalTime(), shard, command);
    }

    /// <summary>True when the holder is a live process on this host (and not this process).</summary>
    public bool IsAliveElsewhere()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return false;
        if (ProcessId == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            // Start times are recorded to clock ticks but read back rounded on some systems: a second of slack.
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - ProcessStartedUtc).TotalSeconds) < 1;
        }
        catch (ArgumentException) { return false; }             // no such process
        catch (InvalidOperationException) { return false; }     // exited while we looked
    }

    /// <summary>True when the holder ran on another host: its process cannot be checked from here.</summary>
    [JsonIgnore]
    public bool IsOnAnotherHost => !string.Equals(Host, Environment.MachineName, StringComparison.Ordinal);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"pid {ProcessId} on host {Host} (shard {Shard}, started {ProcessStartedUtc:yyyy-MM-dd HH:mm:ss} UTC: {Command})");

    public string ToJson() => JsonSerializer.Serialize(this, OutputJson.Default.LockHolder) + "\n";

    /// <summary>The holder recorded in <paramref name="text"/>, or null when it is empty or not a holder record.</summary>
    public static LockHolder? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize(text, OutputJson.Default.LockHolder);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Where the holder of the lock file <paramref name="lockPath"/> is recorded.</summary>
    public static string PathFor(string lockPath) => lockPath + ".holder.json";

    /// <summary>The holder recorded for the lock file <paramref name="lockPath"/>, or null when none is.</summary>
    public static LockHolder? TryRead(string lockPath)
    {
        try
        {
            return Parse(File.ReadAllText(PathFor(lockPath)));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Write(string lockPath) => AtomicFile.WriteAllText(PathFor(lockPath), ToJson());

    /// <summary>Removes the record of a released lock, so a later reader does not mistake it for a holder.</summary>
    public static void Clear(string lockPath)
    {
        try
        {
            File.Delete(PathFor(lockPath));
        }
        catch (IOException) { /* a stale record is recognised by its dead process */ }
        catch (UnauthorizedAccessException) { }
    }
}
