using System.Globalization;
using System.Text.RegularExpressions;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// The console line of AppHost/StartupReport.cs (and of bench/OneProjectAppHost, which prints the same):
/// <c>All N resources are healthy, X s after the AppHost started.</c> It follows Aspire's
/// ResourceNotificationService, so both AppHosts are timed by the same rule.
/// </summary>
public sealed partial class AspireStartupLine : IAllHealthySignal
{
    private readonly TaskCompletionSource<HealthyMark> _allHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<HealthyMark> AllHealthy => _allHealthy.Task;

    public void OnLine(string line, double elapsedMs)
    {
        var match = Pattern().Match(line);
        if (match.Success)
        {
            _allHealthy.TrySetResult(new HealthyMark(
                elapsedMs,
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        }
    }

    [GeneratedRegex(@"All (\d+) resources are healthy, ([0-9.]+) s after the AppHost started\.")]
    private static partial Regex Pattern();
}
