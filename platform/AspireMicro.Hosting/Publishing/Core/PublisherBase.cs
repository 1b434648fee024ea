using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Shared shape of every publisher: generate all files in memory, then commit them in one go
/// (<see cref="ArtifactWriter"/>), so a failure never leaves partial output.
/// </summary>
public abstract class PublisherBase(PublishSettings settings) : IDistributedApplicationPublisher
{
    public abstract string Target { get; }

    protected PublishSettings Settings { get; } = settings.Validate();

    public async Task PublishAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        var artifacts = await GenerateAsync(model, options, cancellationToken);
        ArtifactWriter.Commit(options.OutputDirectory, Target, artifacts);
    }

    public abstract Task<ArtifactSet> GenerateAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken);
}
