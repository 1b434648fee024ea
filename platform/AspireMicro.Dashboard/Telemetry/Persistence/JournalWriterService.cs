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
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                while (reader.TryRead(out var entry))
                {
                    journal.Write(entry);
                }

                journal.Flush();
                if (journal.LinesInFile > Math.Max(MinimumLinesBeforeCompaction, 2 * store.RetainedCount))
                {
                    journal.Compact(store.CreateSnapshot());
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
    /// Replays the journal off the start-up path, so the listeners open while it runs. Nothing is appended until
    /// it is done (new entries wait in the queue), so the replay never reads its own appends.
    /// </summary>
    private async Task RestoreAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(() => store.RestoreFromJournal(stoppingToken), CancellationToken.None);
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
