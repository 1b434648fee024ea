namespace AspireMicro.Hosting.Testing;

/// <summary>
/// Builders for tests: random ports, throwaway data directories, no dashboard, no console table and no remembered
/// secrets, so parallel test runs never collide and leave nothing behind.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static IDistributedApplicationBuilder Create(params string[] args) =>
        DistributedApplication.CreateBuilder(CreateOptions(args));

    /// <summary>The options <see cref="Create"/> uses; also for running a real AppHost's Program under test.</summary>
    public static DistributedApplicationOptions CreateOptions(string[] args)
    {
        var options = new DistributedApplicationOptions { Args = args };
        ApplyTestDefaults(options);
        return options;
    }

    public static void ApplyTestDefaults(DistributedApplicationOptions options)
    {
        options.DisableDashboard = true;
        options.RandomizePorts = true;
        options.ForceEphemeralData = true;
        options.DisableConsoleUi = true;
        options.PersistGeneratedSecrets = false;
    }
}
