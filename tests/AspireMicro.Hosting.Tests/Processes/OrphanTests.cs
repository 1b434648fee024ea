using System.Diagnostics;
using System.Runtime.InteropServices;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Tests.Processes.TestApp;
using Xunit.Abstractions;

namespace AspireMicro.Hosting.Tests.Processes;

[Collection(Backing.RabbitMqCollection.Name)]
public sealed class OrphanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SIGKILL_of_an_AppHost_running_postgres_redis_and_rabbitmq_leaves_no_process_behind()
    {
        var dataRoot = BackingDataRoot.CreateTemporary("aspiremicro-orphan-");
        await using var app = await TestApp.TestApp.StartAsync("serve-backing", "postgres,redis,rabbitmq", dataRoot);
        try
        {
            var watch = Stopwatch.StartNew();
            await app.WaitForLineAsync("ALL-READY", TimeSpan.FromSeconds(120));
            output.WriteLine($"all three ready after {watch.ElapsedMilliseconds} ms (including the test app's own start)");
            var before = ProcessTable.Family(app.Process.Pid, app.Marker);
            output.WriteLine($"{before.Count} processes before the kill:\n{string.Join('\n', before)}");
            // postmaster with its auxiliary processes and a backend, redis, beam with its helpers, the watchdog
            Assert.Contains(before, p => p.CommandLine.Contains("postgres: ", StringComparison.Ordinal));
            Assert.Contains(before, p => p.CommandLine.Contains("redis-server", StringComparison.Ordinal));
            Assert.Contains(before, p => p.CommandLine.Contains("beam.smp", StringComparison.Ordinal));

            app.SigKillAppOnly();
            watch.Restart();
            var survivors = await ProcessTable.WaitUntilNoneAsync(() => ProcessTable.Survivors(before, app.Marker), TimeSpan.FromSeconds(10));
            output.WriteLine($"all {before.Count} gone {watch.ElapsedMilliseconds} ms after SIGKILL");

            Assert.True(survivors.Count == 0, "survivors:\n" + string.Join('\n', survivors));
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData(PosixSignal.SIGTERM)]
    [InlineData(PosixSignal.SIGINT)]
    public async Task Signalled_AppHost_kills_its_children_on_the_way_out(PosixSignal signal)
    {
        var dataRoot = BackingDataRoot.CreateTemporary("aspiremicro-signal-");
        await using var app = await TestApp.TestApp.StartAsync("serve-backing", "redis", dataRoot);
        try
        {
            await app.WaitForLineAsync("ALL-READY", TimeSpan.FromSeconds(60));
            var before = ProcessTable.Family(app.Process.Pid, app.Marker);
            Assert.Contains(before, p => p.CommandLine.Contains("redis-server", StringComparison.Ordinal));

            // The test app has no generic host: the runtime's default handling exits the process, and our
            // ProcessExit hook kills the children before it goes.
            Assert.Equal(0, Kill(app.Process.Pid, signal == PosixSignal.SIGTERM ? 15 : 2));
            await app.Process.Completion.WaitAsync(TimeSpan.FromSeconds(20));
            var survivors = await ProcessTable.WaitUntilNoneAsync(() => ProcessTable.Survivors(before, app.Marker), TimeSpan.FromSeconds(5));

            Assert.True(survivors.Count == 0, "survivors:\n" + string.Join('\n', survivors));
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
