namespace AspireMicro.Bench.Startup;

/// <summary>
/// All healthy for the old home-made platform (5f85209): every row of its resource table Running and Healthy, the
/// rule that commit's own bench used (bench/AspireMicro.Bench/Infrastructure/AppHostRun.cs).
/// </summary>
public sealed class OldPlatformTable : IAllHealthySignal
{
    private readonly Dictionary<string, OldPlatformRow> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<HealthyMark> _allHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<HealthyMark> AllHealthy => _allHealthy.Task;

    public void OnLine(string line, double elapsedMs)
    {
        if (OldPlatformRow.TryParse(line) is not { } row)
        {
            return;
        }

        lock (_lock)
        {
            _rows[row.Name] = row;
            if (_rows.Values.All(r => r.IsHealthy))
            {
                _allHealthy.TrySetResult(new HealthyMark(elapsedMs, _rows.Count, null));
            }
        }
    }
}
