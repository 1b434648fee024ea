using System.Text.RegularExpressions;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// One line of the old home-made platform's resource table (commit 5f85209), which its AppHost printed once per
/// resource change when its output was redirected: the only "all healthy" signal that platform gave.
/// </summary>
public sealed partial record OldPlatformRow(string Name, string State, string Health)
{
    public bool IsHealthy => State == "Running" && Health == "Healthy";

    public static OldPlatformRow? TryParse(string line)
    {
        var match = RowPattern().Match(line);
        return match.Success ? new OldPlatformRow(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value) : null;
    }

    // The same pattern as that commit's own bench (bench/AspireMicro.Bench/Infrastructure/ResourceRow.cs).
    [GeneratedRegex(@"^(\S+)\s+\S+\s+(Starting|Running|Exited|FailedToStart|Stopping|Waiting|NotStarted)\s+(Unknown|Healthy|Unhealthy)\s+\S+\s*.*$")]
    private static partial Regex RowPattern();
}
