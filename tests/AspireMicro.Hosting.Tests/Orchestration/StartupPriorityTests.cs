using System.Globalization;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.Tests.Orchestration;

public sealed class StartupPriorityTests
{
    [Fact]
    public async Task Services_start_at_a_lower_priority_while_a_backing_store_boots_and_run_normally_once_it_is_healthy()
    {
        var store = new GatedRecipe();
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Services.AddSingleton<INativeServerRecipe>(store);
        builder.AddRedis("store");
        builder.AddExecutable("worker", "sleep", ".", "300");
        await using var app = builder.Build();
        var hostNice = NiceOf(Environment.ProcessId);

        await app.StartAsync(Timeouts.Start);
        var worker = await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", Timeouts.Start);
        await WaitUntilExecedAsync(worker.Pid!.Value, "sleep");
        // Raising a process back to normal priority needs root, so only root lowers it in the first place.
        var lowered = Environment.IsPrivilegedProcess ? Math.Min(hostNice + 10, 19) : hostNice;
        Assert.Equal(lowered, NiceOf(worker.Pid!.Value));

        store.Open();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("store", Timeouts.Start);

        Assert.Equal(hostNice, await NiceEventuallyAsync(worker.Pid.Value, hostNice));
    }

    [Fact]
    public async Task A_service_started_after_the_backing_stores_are_healthy_starts_at_normal_priority()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");
        builder.AddExecutable("worker", "sleep", ".", "300").WaitFor(redis);
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        var worker = await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", Timeouts.Start);
        await WaitUntilExecedAsync(worker.Pid!.Value, "sleep");

        Assert.Equal(NiceOf(Environment.ProcessId), NiceOf(worker.Pid!.Value));
    }

    /// <summary>
    /// The pid is the setpriv/setsid/nice wrapper's until the last exec: only once the program itself runs does the
    /// process show its final priority.
    /// </summary>
    private static async Task WaitUntilExecedAsync(int pid, string program)
    {
        for (var attempt = 0; attempt < 200 && (await File.ReadAllTextAsync($"/proc/{pid}/comm")).Trim() != program; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(program, (await File.ReadAllTextAsync($"/proc/{pid}/comm")).Trim());
    }

    /// <summary>The priority is restored right after the store's health is published: poll (bounded) until it shows.</summary>
    private static async Task<int> NiceEventuallyAsync(int pid, int expected)
    {
        var nice = NiceOf(pid);
        for (var attempt = 0; attempt < 200 && nice != expected; attempt++)
        {
            await Task.Delay(50);
            nice = NiceOf(pid);
        }

        return nice;
    }

    // /proc/<pid>/stat: "pid (comm) state ..." with the nice value as field 19; comm may contain spaces.
    private static int NiceOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
