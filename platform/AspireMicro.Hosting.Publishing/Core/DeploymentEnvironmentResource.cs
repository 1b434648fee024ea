using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// A deployment target as an Aspire compute environment. Present in the model in publish mode only; it contributes
/// two pipeline steps:
/// <list type="bullet">
/// <item><c>prepare-{name}</c>: validates the options and builds the <see cref="DeploymentPlan"/> from Aspire's model.
/// Required by <c>before-start</c> and by its publish step, so it can run twice in one publish (#19680): it only ever
/// replaces its own plan and never touches the model, so a second run changes nothing.</item>
/// <item><c>publish-{name}</c>: renders the plan in memory and commits the files in one go under
/// <see cref="IPipelineOutputService.GetOutputDirectory()"/>; required by Aspire's <c>publish</c>.</item>
/// </list>
/// </summary>
public abstract class DeploymentEnvironmentResource : Resource, IComputeEnvironmentResource
{
    private DeploymentPlan? _plan;
    private PublishSettings? _settings;

    protected DeploymentEnvironmentResource(string name, string target)
        : base(name)
    {
        Target = target;
        Annotations.Add(new PipelineStepAnnotation(_ => CreateSteps()));
    }

    /// <summary>The kind of target ("kubernetes", "ecs", "compose"), used in messages.</summary>
    public string Target { get; }

    public string PrepareStepName => $"prepare-{Name}";

    public string PublishStepName => $"publish-{Name}";

    /// <summary>Set by <c>WithRegistry</c>; else configuration key <c>registry</c> (<c>--registry</c>), else localhost:5000.</summary>
    public string? Registry { get; set; }

    /// <summary>Set by <c>WithImageTag</c>; else configuration key <c>tag</c> (<c>--tag</c>), else latest.</summary>
    public string? ImageTag { get; set; }

    /// <summary>Set by <c>WithDomain</c>; else configuration key <c>domain</c> (<c>--domain</c>), else localtest.me.</summary>
    public string? Domain { get; set; }

    internal IConfiguration Configuration { get; set; } = new ConfigurationBuilder().Build();

    /// <summary>Where the files go: the pipeline's output directory, or a subfolder named after this environment when several of ours publish together.</summary>
    public string OutputDirectory(PipelineStepContext context)
    {
        var output = context.Services.GetRequiredService<IPipelineOutputService>();
        var together = context.Model.Resources.OfType<DeploymentEnvironmentResource>().Count() > 1;
        return together ? output.GetOutputDirectory(this) : output.GetOutputDirectory();
    }

    public ReferenceExpression GetHostAddressExpression(EndpointReference endpointReference) =>
        ReferenceExpression.Create($"{HostOf(endpointReference.Resource)}");

    /// <summary>How other resources address <paramref name="resource"/> in this target (a DNS name).</summary>
    protected virtual string HostOf(IResource resource) => resource.Name.ToLowerInvariant();

    /// <summary>Adds every file of the target for <paramref name="plan"/>; nothing is on disk yet.</summary>
    protected abstract void Stage(DeploymentPlan plan, PublishSettings settings, ArtifactSet artifacts);

    private IEnumerable<PipelineStep> CreateSteps()
    {
        var prepare = new PipelineStep
        {
            Name = PrepareStepName,
            Description = $"Checks the {Target} options (registry, tag, domain) and maps Aspire's model onto {Target} for '{Name}'.",
            Action = PrepareAsync,
            DependsOnSteps = [WellKnownPipelineSteps.ValidateComputeEnvironments],
            RequiredBySteps = [WellKnownPipelineSteps.BeforeStart],
        };
        var publish = new PipelineStep
        {
            Name = PublishStepName,
            Description = $"Writes the {Target} artifacts of '{Name}' to --output-path (default: aspire-output/ beside the AppHost, git-ignored).",
            Action = PublishAsync,
        };
        publish.DependsOn(prepare);
        publish.RequiredBy(WellKnownPipelineSteps.Publish);
        return [prepare, publish];
    }

    private async Task PrepareAsync(PipelineStepContext context)
    {
        try
        {
            var settings = PublishSettings.Resolve(Configuration, Registry, ImageTag, Domain).Validate();
            var plan = await DeploymentPlanBuilder.BuildAsync(context.Model, this, Target, context.ExecutionContext, context.Logger, context.CancellationToken);
            // Replace, never accumulate: the step may run twice in one publish.
            (_settings, _plan) = (settings, plan);
        }
        catch (DistributedApplicationException ex)
        {
            // Runs during start-up (before-start), before the host starts: exiting here is safe and gives the CLI
            // contract (one "error: …" line, exit 1, nothing written) instead of a stack trace.
            PublishTargets.Fail(ex.Message, exitCode: 1);
            throw;
        }
    }

    private async Task PublishAsync(PipelineStepContext context)
    {
        if (_plan is null || _settings is null)
        {
            await PrepareAsync(context);
        }

        var artifacts = new ArtifactSet();
        Stage(_plan!, _settings!, artifacts);
        var directory = OutputDirectory(context);
        ArtifactWriter.Commit(directory, Name, artifacts);
        context.Logger.LogInformation("Wrote {Count} {Target} files for '{Name}' to {Directory}", artifacts.Files.Count, Target, Name, directory);
    }
}
