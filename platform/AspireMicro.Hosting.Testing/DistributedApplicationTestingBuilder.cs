using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Testing;

/// <summary>
/// Builders for tests: random ports, throwaway data directories, no dashboard, no console table and no remembered
/// secrets, so parallel test runs never collide and leave nothing behind.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static IDistributedApplicationBuilder Create(params string[] args) =>
        DistributedApplication.CreateBuilder(CreateOptions(args));

    /// <summary>
    /// The model of a real AppHost (<c>Projects.X</c> from the test project's reference to it), declared by its own
    /// Program with test defaults; adjust it, then <c>BuildAsync</c> and <c>StartAsync</c>.
    /// </summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TAppHost>(
        string[] args, Action<DistributedApplicationOptions>? configureOptions = null, CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new()
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = new TemporaryStateDirectory();
        var builder = AppHostEntryPoint.Capture(new TAppHost(), args, options =>
        {
            ApplyTestDefaults(options);
            options.StateDirectory = state.Path;
            configureOptions?.Invoke(options);
        });
        return Task.FromResult<IDistributedApplicationTestingBuilder>(new AppHostTestingBuilder(builder, state));
    }

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TAppHost>(CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new() => CreateAsync<TAppHost>([], null, cancellationToken);

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
