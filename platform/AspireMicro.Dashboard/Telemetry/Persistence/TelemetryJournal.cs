using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using AspireMicro.Dashboard.Configuration;
using AspireMicro.Dashboard.Telemetry.Storage;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Telemetry.Persistence;

/// <summary>
/// Append-only JSON-lines file of everything ingested, replayed at start-up and compacted (rewritten from
/// the retained set) once it holds far more lines than the store keeps. Writes happen on one background
/// loop (<see cref="JournalWriterService"/>) so ingestion never waits for the disk.
/// </summary>
public sealed class TelemetryJournal
{
    public const string FileName = "telemetry.jsonl";

    private readonly Channel<PersistedEntry> _pending = Channel.CreateBounded<PersistedEntry>(
        new BoundedChannelOptions(500_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ILogger<TelemetryJournal> _logger;
    private StreamWriter? _writer;
    private long _compactedThroughSeq;
    private long _droppedWhileFull;

    public TelemetryJournal(IOptions<StorageOptions> options, ILogger<TelemetryJournal> logger)
    {
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(options.Value.Path))
        {
            Directory.CreateDirectory(options.Value.Path);
            FilePath = System.IO.Path.Combine(options.Value.Path, FileName);
        }
    }

    public string? FilePath { get; }

    public bool Enabled => FilePath is not null;

    public long LinesInFile { get; private set; }

    public ChannelReader<PersistedEntry> Pending => _pending.Reader;

    /// <summary>Reads the journal; a torn last line (crash mid-write) is skipped, not fatal.</summary>
    public List<PersistedEntry> Load()
    {
        var entries = new List<PersistedEntry>();
        if (FilePath is null || !File.Exists(FilePath))
        {
            return entries;
        }

        var skipped = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var entry = JsonSerializer.Deserialize(line, JournalJsonContext.Default.PersistedEntry);
                if (entry?.Clear == true)
                {
                    entries.Clear();
                }
                else if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                skipped++;
            }
        }

        LinesInFile = entries.Count;
        _logger.LogInformation("Loaded {Count} telemetry entries from {Path} ({Skipped} unreadable lines skipped)", entries.Count, FilePath, skipped);
        return entries;
    }

    public void Append(PersistedEntry entry)
    {
        if (FilePath is null)
        {
            return;
        }

        if (!_pending.Writer.TryWrite(entry) && Interlocked.Increment(ref _droppedWhileFull) == 1)
        {
            _logger.LogWarning("Telemetry journal is behind; some entries will not survive a restart");
        }
    }

    public void Complete() => _pending.Writer.TryComplete();

    internal void Write(PersistedEntry entry)
    {
        if (entry.Clear)
        {
            Truncate();
            return;
        }

        if (entry.Seq <= _compactedThroughSeq)
        {
            return;
        }

        var writer = _writer ??= OpenForAppend();
        writer.Write(JsonSerializer.Serialize(entry, JournalJsonContext.Default.PersistedEntry));
        writer.Write('\n');
        LinesInFile++;
    }

    internal void Flush() => _writer?.Flush();

    /// <summary>Rewrites the file from a snapshot; lines still queued that the snapshot covers are skipped later.</summary>
    internal void Compact(TelemetrySnapshot snapshot)
    {
        if (FilePath is null)
        {
            return;
        }

        var temp = FilePath + ".compacting";
        using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false), 1 << 16))
        {
            foreach (var entry in snapshot.Entries)
            {
                writer.Write(JsonSerializer.Serialize(entry, JournalJsonContext.Default.PersistedEntry));
                writer.Write('\n');
            }
        }

        _writer?.Dispose();
        File.Move(temp, FilePath, overwrite: true);
        _writer = OpenForAppend();
        LinesInFile = snapshot.Entries.Count;
        _compactedThroughSeq = snapshot.MaxSeq;
    }

    internal void Close()
    {
        _writer?.Flush();
        _writer?.Dispose();
        _writer = null;
    }

    private void Truncate()
    {
        _writer?.Dispose();
        _writer = new StreamWriter(FilePath!, append: false, new UTF8Encoding(false), 1 << 16);
        LinesInFile = 0;
    }

    private StreamWriter OpenForAppend() => new(FilePath!, append: true, new UTF8Encoding(false), 1 << 16);
}
