using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Telemetry.Persistence;

/// <summary>Drains the journal queue to disk in batches and compacts when the file outgrows the store.</summary>
public sealed class JournalWriterService(TelemetryJournal journal, TelemetryStore store, ILogger<JournalWriterService> logger)
    : BackgroundService
{
    private const int MinimumLinesBeforeCompaction = 20_000;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop accepting entries, then let ExecuteAsync drain what is queued before the host goes away.
        journal.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!journal.Enabled)
        {
            return;
        }

        await RestoreAsync(stoppingToken);
        var reader = journal.Pending;
        try
        {
            if (journal.NeedsCompaction)
            {
                var snapshot = store.CreateSnapshot();
                await OnOwnThread(() => journal.Compact(snapshot));
            }

            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                while (reader.TryRead(out var entry))
                {
                    journal.Write(entry);
                }

                journal.Flush();
                if (journal.NeedsCompaction || journal.LinesInFile > Math.Max(MinimumLinesBeforeCompaction, 2 * store.RetainedCount))
                {
                    var snapshot = store.CreateSnapshot();
                    await OnOwnThread(() => journal.Compact(snapshot));
                }
            }
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Telemetry journal write failed; telemetry is kept in memory only from now on");
        }
        finally
        {
            journal.Close();
        }
    }

    /// <summary>
    /// Replay and compaction run for seconds to minutes of synchronous parsing and disk I/O. On a thread-pool thread
    /// that is one of the two threads a 2-core pool starts with, gone: requests then queue behind the pool's slow
    /// thread injection, worst on a loaded machine. A dedicated thread keeps the pool for requests.
    /// </summary>
    private static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Replays the journal off the start-up path, so the listeners open while it runs. Nothing is appended until
    /// it is done (new entries wait in the queue), so the replay never reads its own appends.
    /// </summary>
    private async Task RestoreAsync(CancellationToken stoppingToken)
    {
        try
        {
            await OnOwnThread(() => store.RestoreFromJournal(stoppingToken));
            logger.LogInformation("Persisting telemetry to {Path}; {Count} items restored", journal.FilePath, store.RetainedCount);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-replay: the file still holds everything, and the queue below is appended after it.
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Telemetry journal could not be read; starting with what was restored so far");
        }
    }
}
