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

    public TelemetryJournal(StorageFolder folder, IOptions<StorageOptions> options, ILogger<TelemetryJournal> logger)
    {
        _logger = logger;
        MaxReplayBytes = (long)options.Value.MaxReplayMegabytes << 20;
        if (folder.Path is not null)
        {
            FilePath = System.IO.Path.Combine(folder.Path, FileName);
        }
    }

    public string? FilePath { get; }

    public bool Enabled => FilePath is not null;

    public long LinesInFile { get; private set; }

    /// <summary>Only the newest part of the file was replayed: rewrite it from the store as soon as replay ends.</summary>
    public bool NeedsCompaction { get; private set; }

    /// <summary>The most of the file's newest end that start-up replays (<see cref="StorageOptions.MaxReplayMegabytes"/>).</summary>
    public long MaxReplayBytes { get; }

    public ChannelReader<PersistedEntry> Pending => _pending.Reader;

    /// <summary>
    /// Streams the journal, oldest first, so a large file is never held in memory at once; a torn last line
    /// (crash mid-write) is skipped, not fatal. Read before the writer appends anything (see JournalWriterService).
    /// </summary>
    public IEnumerable<PersistedEntry> ReadEntries(CancellationToken cancellationToken)
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            yield break;
        }

        var (lines, skipped, replayedTailOnly) = (0L, 0, false);
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16);
        if (stream.Length > MaxReplayBytes)
        {
            // A journal this size holds far more than the store keeps (it grows when runs end before a compaction),
            // and replaying it all costs minutes of CPU on every start. Its newest part is what the limits retain.
            stream.Seek(stream.Length - MaxReplayBytes, SeekOrigin.Begin);
            reader.ReadLine();
            replayedTailOnly = true;
            _logger.LogInformation("Telemetry journal {Path} is {Size} MB; replaying its newest {Replayed} MB", FilePath, stream.Length >> 20, MaxReplayBytes >> 20);
        }

        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.Length == 0)
            {
                continue;
            }

            PersistedEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, JournalJsonContext.Default.PersistedEntry);
            }
            catch (JsonException)
            {
                skipped++;
                continue;
            }

            if (entry is not null)
            {
                lines = entry.Clear ? 0 : lines + 1;
                yield return entry;
            }
        }

        LinesInFile = lines;
        // Set only once the whole tail was read: a replay cut short must never let a compaction drop the rest.
        NeedsCompaction = replayedTailOnly;
        _logger.LogInformation("Loaded {Count} telemetry entries from {Path} ({Skipped} unreadable lines skipped)", lines, FilePath, skipped);
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
        NeedsCompaction = false;
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
