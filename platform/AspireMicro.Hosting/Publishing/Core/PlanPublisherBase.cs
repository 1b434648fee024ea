using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// A publisher that deploys the <see cref="DeploymentPlan"/> rather than the raw model (Kubernetes, Compose, ECS):
/// the plan is built first — callbacks run in publish mode, resources the targets cannot express rejected — and only
/// then does the target stage its files.
/// </summary>
public abstract class PlanPublisherBase(string target, DistributedApplicationOptions? appHostOptions)
    : PublisherBase(target, appHostOptions)
{
    public sealed override async Task<ArtifactSet> GenerateAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        var plan = await DeploymentPlanBuilder.BuildAsync(model, options, cancellationToken);
        var artifacts = new ArtifactSet();
        Stage(plan, artifacts);
        return artifacts;
    }

    /// <summary>Adds every file of the target for <paramref name="plan"/>; nothing is on disk yet.</summary>
    protected abstract void Stage(DeploymentPlan plan, ArtifactSet artifacts);
}
