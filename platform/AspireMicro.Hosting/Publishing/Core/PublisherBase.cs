using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Shared shape of every publisher: generate all files in memory, then commit them in one go
/// (<see cref="ArtifactWriter"/>), so a failure never leaves partial output.
/// </summary>
public abstract class PublisherBase : IDistributedApplicationPublisher
{
    private readonly Lazy<PublishSettings> _settings;

    /// <param name="target">The name <c>publish --target</c> selects this publisher by.</param>
    /// <param name="options">
    /// The AppHost's options, for <c>--registry</c>, <c>--tag</c> and <c>--domain</c>; null for the defaults.
    /// </param>
    protected PublisherBase(string target, DistributedApplicationOptions? options)
    {
        Target = target;
        // Read on first use, not here: the container constructs every publisher to find the one asked for, and an
        // exception from a constructor would escape the CLI's one-line error as a crash with a stack trace.
        _settings = new(() => options is null ? PublishSettings.Default : PublishSettings.FromArgs(options.Args));
    }

    public string Target { get; }

    protected PublishSettings Settings => _settings.Value;

    public async Task PublishAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        // A mistyped option fails before anything is generated, also for targets that never use it.
        Settings.Validate();
        var artifacts = await GenerateAsync(model, options, cancellationToken);
        ArtifactWriter.Commit(options.OutputDirectory, Target, artifacts);
    }

    public abstract Task<ArtifactSet> GenerateAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken);
}
