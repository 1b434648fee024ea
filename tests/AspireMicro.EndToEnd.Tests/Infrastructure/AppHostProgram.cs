namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Main of the test assembly (GenerateProgramFile is off). The test runner never calls it; the orphan test
/// re-launches this assembly with <c>dotnet exec</c> as a test host running the whole app, then SIGKILLs it.
/// </summary>
public static class AppHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["run-app"])
        {
            await Console.Error.WriteLineAsync("usage: run-app");
            return 2;
        }

        // Deliberately never disposed: this process exists to be killed with the app running.
        var fixture = new AppFixture();
        await fixture.InitializeAsync();
        var pids = fixture.App.ResourceNotifications.GetCurrentSnapshots().Where(s => s.Pid is not null).Select(s => s.Pid);
        Console.WriteLine($"DASHBOARD {fixture.App.DashboardLoginUrl} GATEWAY {fixture.Gateway.BaseAddress}");
        Console.WriteLine($"STATE {fixture.App.Options.StateDirectory}");
        Console.WriteLine($"APP-READY {string.Join(',', pids)}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
