using AspireMicro.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Telemetry.Persistence;

/// <summary>
/// The folder this dashboard persists to, held under an exclusive lock for the life of the process. Two AppHosts
/// started from one checkout hand their dashboards the same DASHBOARD__STORAGE__PATH; without the lock both
/// would append to (and compact) one journal and corrupt each other's history. A dashboard that finds the folder
/// taken uses the first free sibling ({path}-2, {path}-3, …) and says so. The kernel drops the lock when the
/// process dies, even by SIGKILL, so a crashed dashboard never leaves its folder blocked.
/// </summary>
public sealed class StorageFolder : IDisposable
{
    public const string LockFileName = ".lock";
    private const int MaxAlternatives = 9;

    private readonly FileStream? _lock;

    public StorageFolder(IOptions<StorageOptions> options, ILogger<StorageFolder> logger)
    {
        var requested = options.Value.Path;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return;
        }

        requested = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(requested));
        for (var n = 1; n <= MaxAlternatives && _lock is null; n++)
        {
            var candidate = n == 1 ? requested : $"{requested}-{n}";
            _lock = TryLock(candidate);
            if (_lock is not null)
            {
                Path = candidate;
            }
        }

        if (Path is null)
        {
            logger.LogWarning("Telemetry folder {Requested} and its {Count} alternatives are all in use by other dashboards; telemetry is kept in memory only", requested, MaxAlternatives - 1);
        }
        else if (Path != requested)
        {
            logger.LogWarning("Telemetry folder {Requested} is in use by another dashboard; this one persists to {Path} instead", requested, Path);
        }
    }

    /// <summary>The locked folder, or null when telemetry stays in memory only.</summary>
    public string? Path { get; }

    public void Dispose() => _lock?.Dispose();

    private static FileStream? TryLock(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            // FileShare.None is an exclusive, non-blocking flock on Unix (LockFileEx on Windows): a second process fails here.
            return new FileStream(System.IO.Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
