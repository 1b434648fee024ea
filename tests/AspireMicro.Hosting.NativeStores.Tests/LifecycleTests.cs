using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using StackExchange.Redis;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class LifecycleFixture : IAsyncLifetime
{
    public const string Postgres = "lifepg";
    public const string Redis = "liferedis";

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = TestApps.CreateBuilder();
        builder.AddNativePostgres(Postgres);
        builder.AddNativeRedis(Redis);
        App = await TestApps.StartAsync(builder, Postgres, Redis);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>Stop/start and the fault commands; its own app, since these tests take stores down.</summary>
public sealed class LifecycleTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static readonly string[] Stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    [Fact]
    public async Task Stop_command_ends_postgres_with_a_fast_shutdown_within_six_seconds_and_start_brings_it_back()
    {
        var app = fixture.App;
        var connectionString = await app.ConnectionStringAsync(LifecycleFixture.Postgres);
        // A pooled, idle client: the kind a smart shutdown (PostgreSQL's answer to SIGTERM) would wait for forever.
        await using var pooled = new NpgsqlConnection(connectionString);
        await pooled.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
        var tree = app.ProcessTreeOf(LifecycleFixture.Postgres);
        Assert.NotEmpty(tree);
        await using var logs = app.CollectLogs(LifecycleFixture.Postgres);

        var clock = Stopwatch.StartNew();
        await app.StopResourceAsync(LifecycleFixture.Postgres, TestApps.Timeout(TestApps.StepTimeout));
        await app.WaitForStateAsync(LifecycleFixture.Postgres, Stopped.Contains, TestApps.StepTimeout);
        var left = await Processes.WaitUntilGoneAsync(tree, TimeSpan.FromSeconds(10));
        clock.Stop();

        Assert.Empty(left);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"stop took {clock.Elapsed}");
        Assert.Contains(logs.Lines, l => l.Contains("received fast shutdown request", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("database system is shut down", StringComparison.Ordinal));

        await app.StartResourceAsync(LifecycleFixture.Postgres, TestApps.Timeout(TestApps.StepTimeout));
        // The snapshot right after the start can still be the stopped one (Exited): wait through it.
        await app.ResourceNotifications.WaitForResourceHealthyAsync(LifecycleFixture.Postgres, WaitBehavior.WaitOnResourceUnavailable,
            TestApps.Timeout(TestApps.StepTimeout));
        await using var fresh = new NpgsqlConnection(connectionString);
        await fresh.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
        await using var command = new NpgsqlCommand("SELECT 1", fresh);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Kill_pause_and_resume_work_on_a_store_and_fail_clearly_when_it_is_not_running()
    {
        var app = fixture.App;
        var ct = TestApps.Timeout(TestApps.StepTimeout);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await app.ConnectionStringAsync(LifecycleFixture.Redis));
        var db = redis.GetDatabase();
        await db.PingAsync().WaitAsync(ct);

        // pause: the server keeps its socket and answers nothing; resume: the pending request is answered.
        await app.PauseResourceAsync(LifecycleFixture.Redis, ct);
        var tree = app.ProcessTreeOf(LifecycleFixture.Redis);
        Assert.All(tree, pid => Assert.Equal('T', FaultCommands.ProcessTree.StateOf(pid)));
        var ping = db.PingAsync();
        await Assert.ThrowsAsync<TimeoutException>(() => ping.WaitAsync(TimeSpan.FromSeconds(1)));
        await app.ResumeResourceAsync(LifecycleFixture.Redis, ct);
        await ping.WaitAsync(ct);

        // kill: SIGKILL of the tree, Aspire sees the process end.
        await app.KillResourceAsync(LifecycleFixture.Redis, ct);
        await app.WaitForStateAsync(LifecycleFixture.Redis, Stopped.Contains, TestApps.StepTimeout);
        Assert.Empty(await Processes.WaitUntilGoneAsync(tree, TimeSpan.FromSeconds(10)));

        foreach (var command in new Func<DistributedApplication, string, CancellationToken, Task>[]
        {
            (a, n, c) => a.KillResourceAsync(n, c),
            (a, n, c) => a.PauseResourceAsync(n, c),
            (a, n, c) => a.ResumeResourceAsync(n, c),
        })
        {
            var failure = await Assert.ThrowsAsync<ResourceCommandException>(() => command(app, LifecycleFixture.Redis, ct));
            Assert.Equal($"'{LifecycleFixture.Redis}' is not running.", failure.CommandMessage);
        }

        await app.StartResourceAsync(LifecycleFixture.Redis, ct);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(LifecycleFixture.Redis, WaitBehavior.WaitOnResourceUnavailable, ct);
    }
}
