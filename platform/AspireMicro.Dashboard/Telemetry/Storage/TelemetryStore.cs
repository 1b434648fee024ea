using AspireMicro.Dashboard.Configuration;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Persistence;
using AspireMicro.Dashboard.Telemetry.Queries;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>
/// The dashboard's telemetry: bounded in memory, mirrored to the journal. One lock guards everything —
/// ingestion batches are small and queries are index-backed, so contention stays low on a dev machine.
/// The journal is replayed in the background (<see cref="RestoreFromJournal"/>) while the listeners already run and
/// queries answer with what is restored so far: replaying a large journal before listening once kept the UI port
/// closed for minutes after a restart on a loaded machine (connections refused while the process was alive).
/// </summary>
public sealed class TelemetryStore
{
    /// <summary>Entries replayed per hold of the lock, so ingestion and queries interleave with a long replay.</summary>
    private const int RestoreChunk = 2_000;

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, TelemetryResource> _resources = new(StringComparer.Ordinal);
    private readonly SpanStore _spans;
    private readonly LogStore _logs;
    private readonly MetricStore _metrics;
    private readonly TelemetryJournal _journal;
    private long _seq;

    public TelemetryStore(IOptions<StorageOptions> options, TelemetryJournal journal)
    {
        _spans = new SpanStore(options.Value.MaxSpans);
        _logs = new LogStore(options.Value.MaxLogRecords);
        _metrics = new MetricStore(options.Value.MaxMetricPointsPerInstrument, options.Value.MaxMetricPoints);
        _journal = journal;
        if (!journal.Enabled)
        {
            _restored.TrySetResult();
        }
    }

    public ChangeNotifier Changes { get; } = new();

    /// <summary>Completes once the journal has been replayed (at once when nothing is persisted).</summary>
    public Task Restored => _restored.Task;

    public long RetainedCount
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count + _logs.Count + _metrics.PointCount;
            }
        }
    }

    public void AddSpans(TelemetryResource resource, IEnumerable<SpanRecord> spans) =>
        Ingest(resource, spans, (span, seq) =>
        {
            span.Seq = seq;
            _spans.Add(span);
            return new PersistedEntry { Seq = seq, Span = span };
        });

    public void AddLogs(TelemetryResource resource, IEnumerable<LogEntry> logs) =>
        Ingest(resource, logs, (log, seq) =>
        {
            log.Seq = seq;
            _logs.Add(log);
            return new PersistedEntry { Seq = seq, Log = log };
        });

    public void AddMetrics(TelemetryResource resource, IEnumerable<MetricPoint> points) =>
        Ingest(resource, points, (point, seq) =>
        {
            point.Seq = seq;
            _metrics.Add(point);
            return new PersistedEntry { Seq = seq, Metric = point };
        });

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
            _logs.Clear();
            _metrics.Clear();
            _resources.Clear();
            _journal.Append(new PersistedEntry { Seq = ++_seq, Clear = true });
        }

        Changes.Notify();
    }

    public TelemetryCounts Counts()
    {
        lock (_gate)
        {
            return new TelemetryCounts(_spans.Count, _spans.TraceCount, _logs.Count, _metrics.PointCount, _resources.Count, !Restored.IsCompleted);
        }
    }

    public IReadOnlyList<TelemetryResource> Resources()
    {
        lock (_gate)
        {
            return _resources.Values.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
    }

    public Page<TraceSummary> Traces(TraceQuery query)
    {
        lock (_gate)
        {
            return TraceQueries.List(_spans, query);
        }
    }

    public IReadOnlyList<SpanRecord>? Trace(string traceId)
    {
        lock (_gate)
        {
            return _spans.Find(traceId)?.Spans.OrderBy(s => s.StartTimeUnixNano).ToList();
        }
    }

    public Page<LogEntry> Logs(LogQuery query)
    {
        lock (_gate)
        {
            return LogQueries.List(_logs, query);
        }
    }

    public IReadOnlyList<InstrumentSummary> Instruments(string? service)
    {
        lock (_gate)
        {
            return MetricQueries.Instruments(_metrics, service);
        }
    }

    public MetricChart? Chart(string service, string instrument, long sinceUnixNano, string? seriesKey)
    {
        lock (_gate)
        {
            return MetricQueries.Chart(_metrics, service, instrument, sinceUnixNano, seriesKey);
        }
    }

    public TelemetrySnapshot CreateSnapshot()
    {
        lock (_gate)
        {
            var entries = new List<PersistedEntry>(_resources.Count + _spans.Count + _logs.Count);
            entries.AddRange(_resources.Values.Select(r => new PersistedEntry { Resource = r }));
            entries.AddRange(_spans.OldestFirst().Select(s => new PersistedEntry { Seq = s.Seq, Span = s }));
            entries.AddRange(_logs.OldestFirst().Select(l => new PersistedEntry { Seq = l.Seq, Log = l }));
            entries.AddRange(_metrics.Instruments.SelectMany(i => i.Points.OldestFirst()).Select(p => new PersistedEntry { Seq = p.Seq, Metric = p }));
            return new TelemetrySnapshot(_seq, entries);
        }
    }

    private void Ingest<T>(TelemetryResource resource, IEnumerable<T> items, Func<T, long, PersistedEntry> add)
    {
        var any = false;
        lock (_gate)
        {
            foreach (var item in items)
            {
                if (!any)
                {
                    TrackResource(resource);
                    any = true;
                }

                _journal.Append(add(item, ++_seq));
            }
        }

        if (any)
        {
            Changes.Notify();
        }
    }

    private void TrackResource(TelemetryResource resource)
    {
        if (_resources.TryGetValue(resource.Key, out var known) && known.Attributes.SequenceEqual(resource.Attributes))
        {
            return;
        }

        _resources[resource.Key] = resource;
        _journal.Append(new PersistedEntry { Seq = ++_seq, Resource = resource });
    }

    /// <summary>
    /// Replays the journal without re-appending it; the limits apply as if it had just arrived. Spans arriving
    /// meanwhile are stored too (replayed entries are older, so a resource already seen live keeps its live version).
    /// </summary>
    public void RestoreFromJournal(CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<PersistedEntry>(RestoreChunk);
            foreach (var entry in _journal.ReadEntries(cancellationToken))
            {
                chunk.Add(entry);
                if (chunk.Count == RestoreChunk)
                {
                    Restore(chunk);
                    chunk.Clear();
                    // Open pages fill in as the replay goes (the change feed coalesces these to a few per second).
                    Changes.Notify();
                }
            }

            Restore(chunk);
        }
        finally
        {
            _restored.TrySetResult();
            Changes.Notify();
        }
    }

    private void Restore(List<PersistedEntry> entries)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                _seq = Math.Max(_seq, entry.Seq);
                if (entry.Clear)
                {
                    _spans.Clear();
                    _logs.Clear();
                    _metrics.Clear();
                    _resources.Clear();
                }
                else if (entry.Resource is not null)
                {
                    _resources.TryAdd(entry.Resource.Key, entry.Resource);
                }
                else if (entry.Span is not null)
                {
                    _spans.Add(entry.Span);
                }
                else if (entry.Log is not null)
                {
                    _logs.Add(entry.Log);
                }
                else if (entry.Metric is not null)
                {
                    _metrics.Add(entry.Metric);
                }
            }
        }
    }
}
