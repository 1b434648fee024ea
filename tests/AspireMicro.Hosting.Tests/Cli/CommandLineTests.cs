namespace AspireMicro.Hosting.Tests.Cli;

public sealed class CommandLineTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_lists_the_run_and_publish_commands_and_exits_0()
    {
        await using var apphost = await AppHostProcess.StartAsync("--help");

        Assert.Equal(0, await apphost.WaitForExitAsync(Exit));
        await Task.Delay(200);
        var text = string.Join('\n', apphost.Output.Select(l => l.Text));
        Assert.Contains("  run ", text, StringComparison.Ordinal);
        Assert.Contains("  publish --target <t> --output <dir>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_to_an_unknown_target_prints_one_line_and_exits_2()
    {
        await using var apphost = await AppHostProcess.StartAsync("publish", "--target", "mainframe", "--output", Path.GetTempPath());

        Assert.Equal(2, await apphost.WaitForExitAsync(Exit));
        await Task.Delay(200);
        var line = Assert.Single(apphost.Output, l => l.Stream == AspireMicro.Hosting.Processes.LogStream.StdErr);
        Assert.StartsWith("error: unknown publish target 'mainframe'", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        await using var apphost = await AppHostProcess.StartAsync("deploy");

        Assert.Equal(2, await apphost.WaitForExitAsync(Exit));
    }

    [Fact]
    public async Task A_startup_error_prints_one_line_naming_the_resource_and_exits_1()
    {
        // A fixed, occupied parameter is not expressible from outside, so run the model through RunAsync in-process.
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, DisableConsoleUi = true, PersistGeneratedSecrets = false });
        var region = builder.AddParameter("region");
        builder.AddExecutable("app", "sleep", ".", "60").WithEnvironment("REGION", region);
        await using var app = builder.Build();
        var error = new StringWriter();
        var original = Console.Error;
        int exitCode;
        Console.SetError(error);
        try
        {
            exitCode = await app.RunAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(ExitCodes.StartupFailed, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Parameter 'region' has no value", line, StringComparison.Ordinal);
        Assert.DoesNotContain(app.ResourceNotifications.GetCurrentSnapshots(), s => s.Pid is not null);
    }
}
