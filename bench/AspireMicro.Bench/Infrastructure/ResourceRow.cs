using System.Text.RegularExpressions;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>One line of the AppHost's resource table as printed when its output is redirected (one line per change).</summary>
public sealed partial record ResourceRow(string Name, string Type, string State, string Health, string Pid, string Detail)
{
    public bool IsHealthy => State == "Running" && Health == "Healthy";

    public static ResourceRow? TryParse(string line)
    {
        var match = RowPattern().Match(line);
        return match.Success
            ? new ResourceRow(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value, match.Groups[6].Value.Trim())
            : null;
    }

    [GeneratedRegex(@"^(\S+)\s+(\S+)\s+(Starting|Running|Exited|FailedToStart|Stopping|Waiting|NotStarted)\s+(Unknown|Healthy|Unhealthy)\s+(\S+)\s*(.*)$")]
    private static partial Regex RowPattern();
}
