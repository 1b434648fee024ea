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

        // Touching the store here makes it replay the journal before the first request arrives.
        logger.LogInformation("Persisting telemetry to {Path}; {Count} items restored", journal.FilePath, store.RetainedCount);
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
}
