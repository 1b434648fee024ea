using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Orchestration;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_resource_starts_only_after_what_it_waits_for_is_healthy()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");
        var first = builder.AddExecutable("first", "sleep", ".", "60").WaitFor(redis);
        builder.AddExecutable("second", "sleep", ".", "60").WaitFor(first);
        await using var app = builder.Build();
        var seen = new List<ResourceSnapshot>();
        using var watching = new CancellationTokenSource();
        var recorder = Task.Run(async () =>
        {
            await foreach (var s in app.ResourceNotifications.WatchAsync(watching.Token))
            {
                lock (seen)
                {
                    seen.Add(s);
                }
            }
        });

        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("second", Timeouts.Start);
        await watching.CancelAsync();
        await recorder.ContinueWith(_ => { }, TaskScheduler.Default);

        long FirstVersion(string name, Func<ResourceSnapshot, bool> predicate) =>
            seen.Where(s => s.Name == name && predicate(s)).Min(s => s.Version);
        Assert.True(FirstVersion("redis", s => s.Health == KnownHealthStates.Healthy) < FirstVersion("first", s => s.State == KnownResourceStates.Starting));
        Assert.True(FirstVersion("first", s => s.Health == KnownHealthStates.Healthy) < FirstVersion("second", s => s.State == KnownResourceStates.Starting));
        Assert.Contains(seen, s => s.Name == "second" && s.State == KnownResourceStates.Waiting);
    }

    [Fact]
    public async Task A_crashed_process_shows_Exited_with_its_exit_code_and_is_not_restarted()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("crasher", "sh", ".", "-c", "echo dying >&2; exit 3");
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        var exited = await app.ResourceNotifications.WaitForResourceStateAsync("crasher", KnownResourceStates.Exited, Timeouts.Start);
        await Task.Delay(1000);

        Assert.Equal(3, exited.ExitCode);
        Assert.Equal(exited, app.ResourceNotifications.TryGetSnapshot("crasher"));
        Assert.Contains(app.ResourceLogs.GetBacklog("crasher"), l => l.Stream == "stderr" && l.Text == "dying");
    }

    [Fact]
    public async Task Stop_start_restart_kill_pause_and_resume_change_the_process_and_state()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("worker", "sleep", ".", "300");
        await using var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        var running = await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", Timeouts.Start);

        await app.PauseResourceAsync("worker");
        Assert.Equal(KnownResourceStates.Paused, app.ResourceNotifications.TryGetSnapshot("worker")!.State);
        Assert.Equal('T', await ProcessStateAsync(running.Pid!.Value, expected: 'T'));
        await app.ResumeResourceAsync("worker");
        Assert.NotEqual('T', await ProcessStateAsync(running.Pid!.Value, expected: 'S'));

        await app.RestartResourceAsync("worker");
        var restarted = app.ResourceNotifications.TryGetSnapshot("worker")!;
        Assert.Equal(KnownResourceStates.Running, restarted.State);
        Assert.NotEqual(running.Pid, restarted.Pid);
        Assert.False(Directory.Exists($"/proc/{running.Pid}"));

        await app.KillResourceAsync("worker");
        var killed = app.ResourceNotifications.TryGetSnapshot("worker")!;
        Assert.Equal((KnownResourceStates.Exited, 137), (killed.State, killed.ExitCode));

        await app.StartResourceAsync("worker");
        Assert.Equal(KnownResourceStates.Running, app.ResourceNotifications.TryGetSnapshot("worker")!.State);

        await app.StopResourceAsync("worker");
        Assert.Equal(KnownResourceStates.Exited, app.ResourceNotifications.TryGetSnapshot("worker")!.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.StopResourceAsync("worker"));
    }

    [Fact]
    public async Task Replicas_run_as_separate_instances_with_their_own_ports()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("web", "sleep", ".", "60").WithHttpEndpoint().WithReplicas(2);
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", Timeouts.Start);

        var instances = app.ResourceNotifications.GetCurrentSnapshots().Where(s => s.DisplayName == "web").ToList();
        Assert.Equal(["web-0", "web-1"], instances.Select(s => s.Name));
        Assert.Equal(2, instances.Select(s => s.Endpoints.Single().Url).Distinct().Count());
        Assert.Equal(2, instances.Select(s => s.Pid).Distinct().Count());
    }

    [Fact]
    public async Task Stopping_the_app_leaves_no_child_process_running()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("redis");
        builder.AddExecutable("worker", "sleep", ".", "300");
        var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", Timeouts.Start);
        var pids = app.ResourceNotifications.GetCurrentSnapshots().Select(s => s.Pid!.Value).ToList();

        await app.DisposeAsync();

        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} survived"));
        Assert.All(app.ResourceNotifications.GetCurrentSnapshots(), s => Assert.Equal(KnownResourceStates.Exited, s.State));
    }

    /// <summary>Signals arrive asynchronously: give the kernel a moment to reach <paramref name="expected"/>.</summary>
    private static async Task<char> ProcessStateAsync(int pid, char expected)
    {
        var state = '?';
        for (var attempt = 0; attempt < 40 && state != expected; attempt++)
        {
            var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
            state = stat[stat.LastIndexOf(')') + 2];
            if (state != expected)
            {
                await Task.Delay(50);
            }
        }

        return state;
    }
}
