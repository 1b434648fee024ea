using System.Collections.Concurrent;
using System.Diagnostics;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Processes;

public sealed class ChildProcessHostTests : IAsyncLifetime
{
    private readonly string _marker = $"test-{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<LogLine> _logs = new();
    private ChildProcessHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ChildProcessHost(instanceId: _marker);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_captured_line_by_line_with_numbers_and_timestamps()
    {
        var before = DateTimeOffset.UtcNow;
        var child = await StartShellAsync("echo one; echo two >&2; sleep 0.1; echo three");

        Assert.Equal(0, await child.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        var lines = _logs.OrderBy(l => l.LineNumber).ToList();
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.LineNumber));
        Assert.Contains(lines, l => l is { Stream: LogStream.StdOut, Text: "one" });
        Assert.Contains(lines, l => l is { Stream: LogStream.StdErr, Text: "two" });
        Assert.Equal("three", lines[^1].Text);
        Assert.All(lines, l => Assert.InRange(l.Timestamp, before, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Completion_carries_the_exit_code()
    {
        var child = await StartShellAsync("exit 3");

        Assert.Equal(3, await child.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Environment_of_the_spec_and_the_instance_marker_reach_the_child()
    {
        var spec = new ProcessSpec("sh", ["-c", "echo \"$GREETING $ASPIREMICRO_INSTANCE\""])
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello" },
        };
        var child = await _host.StartAsync(spec, _logs.Enqueue, CancellationToken.None);

        await child.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal($"hello {_marker}", Assert.Single(_logs).Text);
    }

    [Fact]
    public async Task Child_leads_its_own_process_group()
    {
        var child = await StartShellAsync("echo started; sleep 30");
        await WaitForLogAsync("started"); // setsid has run once the real program prints

        var me = ProcessTable.All().Single(p => p.Pid == child.Pid);
        Assert.Equal(child.Pid, me.SessionId);
    }

    [Fact]
    public async Task Kill_right_after_start_still_ends_the_child()
    {
        for (var i = 0; i < 20; i++)
        {
            var child = await StartShellAsync("sleep 30");

            child.Kill();

            Assert.Equal(128 + 9, await child.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task StopAsync_ends_the_child_and_its_grandchildren()
    {
        var child = await StartShellAsync("sleep 300 & sleep 300 & wait");
        await WaitForMarkedCountAsync(3);

        await child.StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(child.Completion.IsCompleted);
        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task StopAsync_kills_a_child_that_ignores_SIGTERM_after_the_grace_period()
    {
        var child = await StartShellAsync("trap '' TERM; echo armed; while true; do sleep 0.1; done");
        await WaitForLogAsync("armed");
        var watch = Stopwatch.StartNew();

        await child.StopAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(5));
        Assert.Equal(128 + 9, await child.Completion);
    }

    [Fact]
    public async Task Pause_stops_the_group_and_Resume_continues_it()
    {
        var child = await StartShellAsync("echo started; sleep 30");
        await WaitForLogAsync("started");

        child.Pause();
        Assert.Equal('T', ProcessTable.State(child.Pid)); // stopped by the time Pause returns
        child.Resume();
        Assert.NotEqual('T', ProcessTable.State(child.Pid));

        Assert.False(child.Completion.IsCompleted);
    }

    [Fact]
    public async Task Kill_ends_the_child_with_SIGKILL()
    {
        var child = await StartShellAsync("sleep 30");

        child.Kill();

        Assert.Equal(128 + 9, await child.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Disposing_the_host_kills_every_child_and_grandchild()
    {
        await StartShellAsync("sleep 300 & wait");
        await StartShellAsync("sleep 300");
        await WaitForMarkedCountAsync(3);

        await _host.DisposeAsync();

        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Children_outlive_the_thread_that_asked_for_them()
    {
        // The parent-death-signal trap: it fires when the forking *thread* exits. Starting from a thread that then
        // ends must not kill the child, because the forking is done by the host's own long-lived thread.
        IChildProcess? child = null;
        var thread = new Thread(() => child = _host.StartAsync(new ProcessSpec("sleep", ["30"]), _logs.Enqueue, CancellationToken.None).GetAwaiter().GetResult());
        thread.Start();
        thread.Join();

        await Task.Delay(500);

        Assert.NotNull(child);
        Assert.False(child.Completion.IsCompleted);
        Assert.NotNull(ProcessTable.State(child.Pid));
    }

    [Fact]
    public async Task Starting_a_missing_program_fails_with_a_message_naming_it()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            _host.StartAsync(new ProcessSpec("no-such-program-xyz", []), _logs.Enqueue, CancellationToken.None));

        Assert.Contains("no-such-program-xyz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsUser_runs_the_child_as_that_user_when_the_host_is_root()
    {
        var expected = Environment.UserName == "root" ? "postgres" : Environment.UserName;
        var child = await _host.StartAsync(new ProcessSpec("id", ["-un"]) { RunAsUser = "postgres" }, _logs.Enqueue, CancellationToken.None);

        await child.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(expected, Assert.Single(_logs).Text);
    }

    [Fact]
    public async Task Niceness_starts_the_program_itself_at_that_priority()
    {
        var child = await _host.StartAsync(new ProcessSpec("sh", ["-c", "echo started; sleep 30"]) { Niceness = 7 }, _logs.Enqueue, CancellationToken.None);
        await WaitForLogAsync("started"); // nice has exec'ed the shell once it prints

        Assert.Equal(7, NiceOf(child.Pid));
    }

    [Fact]
    public async Task Without_niceness_the_child_runs_at_the_hosts_priority()
    {
        var child = await StartShellAsync("echo started; sleep 30");
        await WaitForLogAsync("started");

        Assert.Equal(NiceOf(Environment.ProcessId), NiceOf(child.Pid));
    }

    // /proc/<pid>/stat: "pid (comm) state ..." with the nice value as field 19; comm may contain spaces.
    private static int NiceOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<IChildProcess> StartShellAsync(string script) =>
        _host.StartAsync(new ProcessSpec("sh", ["-c", script]), _logs.Enqueue, CancellationToken.None);

    private async Task WaitForMarkedCountAsync(int count)
    {
        for (var i = 0; i < 100 && ProcessTable.WithMarker(_marker).Count < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(ProcessTable.WithMarker(_marker).Count >= count, $"expected {count} marked processes");
    }

    private async Task WaitForLogAsync(string text)
    {
        for (var i = 0; i < 100 && !_logs.Any(l => l.Text == text); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(_logs, l => l.Text == text);
    }
}
