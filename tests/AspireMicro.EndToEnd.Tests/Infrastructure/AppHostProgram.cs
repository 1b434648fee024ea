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
        await fixture.StartAsync(untilHealthy: false);
        Console.WriteLine($"APP-READY every resource Running after {fixture.StartupTime.TotalSeconds:0.0} s");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
