using System.Diagnostics;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

/// <summary>A test host that dies without disposing its app (SIGKILL, as when a CI job is cancelled) must take the app with it.</summary>
public sealed class AbortedTestHostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SIGKILL_of_a_test_host_running_the_whole_app_leaves_no_process_behind()
    {
        var assembly = typeof(AppHostProgram).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", ["exec", assembly, "run-app"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var host = Process.Start(start)!;
        var errors = host.StandardError.ReadToEndAsync();
        try
        {
            var ready = await ReadUntilReadyAsync(host, TimeSpan.FromMinutes(3));
            output.WriteLine($"test host {host.Id} ready: {ready}");
            // DCP detaches from the host and watches it (--monitor <pid>); the resources are DCP's children.
            var family = ProcessTree.AppProcesses(host.Id);
            var kinds = family.GroupBy(f => Path.GetFileName(f.Command.Split(' ')[0])).Select(g => $"{g.Key}×{g.Count()}");
            output.WriteLine($"{family.Count} descendants before the kill: {string.Join(", ", kinds)}");
            Assert.Contains(family, f => f.Command.Contains("postgres", StringComparison.Ordinal));
            Assert.Contains(family, f => f.Command.Contains("redis-server", StringComparison.Ordinal));
            Assert.Contains(family, f => f.Command.Contains("beam.smp", StringComparison.Ordinal));
            Assert.Contains(family, f => f.Command.Contains("Gateway", StringComparison.Ordinal));
            Assert.Contains(family, f => f.Command.Contains("dcp", StringComparison.Ordinal));

            var watch = Stopwatch.StartNew();
            host.Kill(entireProcessTree: false);
            var survivors = family.ToList();
            while (survivors.Count > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
                survivors = [.. survivors.Where(f => ProcessTree.IsAlive(f.Pid))];
            }

            output.WriteLine($"{family.Count - survivors.Count} of {family.Count} gone {watch.ElapsedMilliseconds} ms after SIGKILL of the test host");
            Assert.True(survivors.Count == 0, "survivors: " + string.Join(" | ", survivors.Select(s => $"{s.Pid} {s.Command}")));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            await host.WaitForExitAsync();
            var stderr = await errors;
            if (stderr.Length > 0)
            {
                output.WriteLine($"test host stderr: {stderr[..Math.Min(stderr.Length, 2000)]}");
            }
        }
    }

    private static async Task<string> ReadUntilReadyAsync(Process host, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await host.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("APP-READY", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"the test host exited ({host.ExitCode}) before the app was ready");
    }
}
