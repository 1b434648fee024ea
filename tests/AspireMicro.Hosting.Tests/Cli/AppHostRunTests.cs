using System.Text.RegularExpressions;
using AspireMicro.Hosting.Tests.Processes;
using Xunit.Abstractions;

namespace AspireMicro.Hosting.Tests.Cli;

/// <summary>The whole real AppHost: start to all healthy, two at once, SIGKILL and SIGTERM.</summary>
public sealed partial class AppHostRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan AllHealthy = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task Two_AppHosts_run_side_by_side_and_leave_no_process_after_SIGKILL_or_SIGTERM()
    {
        await using var first = await AppHostProcess.StartAsync();
        await using var second = await AppHostProcess.StartAsync();

        var elapsed = await Task.WhenAll(first.WaitForAllHealthyAsync(AllHealthy), second.WaitForAllHealthyAsync(AllHealthy));
        output.WriteLine($"two AppHosts all healthy after {elapsed.Max().TotalSeconds:0.0} s");

        Assert.Empty(Ports(first).Intersect(Ports(second)));
        Assert.Contains(first.Output, l => l.Text.StartsWith("Dashboard: http://127.0.0.1:", StringComparison.Ordinal) && l.Text.Contains("/login?t=", StringComparison.Ordinal));

        var firstFamily = ProcessTable.Family(first.Process.Pid, first.Marker);
        var secondFamily = ProcessTable.Family(second.Process.Pid, second.Marker);
        Assert.True(firstFamily.Count >= AppHostProcess.AllInstances.Length - 3, $"expected the AppHost's children, found {firstFamily.Count}");

        // SIGKILL: no handler runs in the AppHost; the process layer must still take every child down.
        System.Diagnostics.Process.GetProcessById(first.Process.Pid).Kill(entireProcessTree: false);
        var killedSurvivors = await ProcessTable.WaitUntilNoneAsync(() => ProcessTable.Survivors(firstFamily, first.Marker), TimeSpan.FromSeconds(20));
        Assert.Empty(killedSurvivors);

        // SIGTERM: a clean stop with exit code 0 and nothing left.
        Assert.Equal(0, PosixKill(second.Process.Pid, 15));
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(() => ProcessTable.Survivors(secondFamily, second.Marker), TimeSpan.FromSeconds(10)));
    }

    private static HashSet<string> Ports(AppHostProcess apphost) =>
        [.. apphost.Output.SelectMany(l => PortPattern().Matches(l.Text)).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)")]
    private static partial Regex PortPattern();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int PosixKill(int pid, int signal);
}
