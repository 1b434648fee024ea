using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// What makes several targets in one AppHost work with Aspire's rule that, with more than one compute environment,
/// every compute resource is bound to one (<c>validate-compute-environments</c>). Runs on <see cref="BeforeStartEvent"/>,
/// which Aspire raises before the <c>before-start</c> steps:
/// <list type="number">
/// <item>A step of one of our environments (<c>--step publish-k8s</c>) selects it: the others leave the model, so their
/// prepare steps do not run and output goes straight to the output path.</item>
/// <item><c>--publisher manifest</c> / <c>--step publish-manifest</c>: none of ours is needed, all leave the model.</item>
/// <item>Otherwise (<c>aspire publish</c>, <c>--step publish</c>) all stay; when there are several compute environments,
/// a compute resource the AppHost did not bind with <c>WithComputeEnvironment</c> is deployed by each of ours.</item>
/// </list>
/// </summary>
internal static class PublishTargets
{
    public const string ManifestStep = "publish-manifest";

    public static IResourceBuilder<T> Add<T>(IDistributedApplicationBuilder builder, T environment)
        where T : DeploymentEnvironmentResource
    {
        environment.Configuration = builder.Configuration;
        if (builder.ExecutionContext.IsRunMode)
        {
            // Not part of the running app: a builder for configuration calls only, like Aspire's own environments.
            return builder.CreateResourceBuilder(environment);
        }

        if (builder.Services.All(d => d.ServiceType != typeof(Marker)))
        {
            builder.Services.AddSingleton<Marker>();
            var configuration = builder.Configuration;
            builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
            {
                var step = configuration["Pipeline:Step"];
                var ours = e.Model.Resources.OfType<DeploymentEnvironmentResource>().ToList();
                PrintHelpWhenAsked(ours);
                CheckListStepsHasTheCli(configuration);
                CheckStepNamed(configuration, ours, step);
                CheckStepExists(e.Model, step);
                Select(builder, e.Model, step);
                return Task.CompletedTask;
            });
        }

        return builder.AddResource(environment);
    }

    /// <summary>Writes one "error: …" line and ends the process (publish mode, before the host has started).</summary>
    public static void Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        Environment.Exit(exitCode);
    }

    /// <summary>
    /// The AppHost alone has no help of its own in publish mode (Aspire ignores <c>--help</c> and runs every step):
    /// say which steps and options there are, and where the files go.
    /// </summary>
    private static void PrintHelpWhenAsked(IReadOnlyList<DeploymentEnvironmentResource> ours)
    {
        var arguments = Environment.GetCommandLineArgs();
        if (!arguments.Contains("--help") && !arguments.Contains("-h") && !arguments.Contains("-?"))
        {
            return;
        }

        Console.Out.WriteLine($"""
            Publishing the AppHost's model (Aspire's publish pipeline; nothing is started, no secret is resolved):
              --operation publish --step STEP --output-path DIR
            Steps:
            {string.Join(Environment.NewLine, ours.Select(e => $"  {e.PublishStepName,-18} {e.Target} files in DIR"))}
              {"publish",-18} every target, each in DIR/<name>/
              {ManifestStep,-18} Aspire's manifest (or --publisher manifest)
            Options:
              --output-path DIR  a relative DIR is taken from the AppHost's folder; without it, AppHost/aspire-output/
              --{PublishSettings.RegistryKey} R       image registry (default {PublishSettings.DefaultRegistry})
              --{PublishSettings.TagKey} T            image tag (default {PublishSettings.DefaultTag})
              --{PublishSettings.DomainKey} D         public DNS domain of the ingress/ALB names (default {PublishSettings.DefaultDomain})
            With the Aspire CLI: dotnet aspire publish -o DIR; dotnet aspire do publish --list-steps
            """);
        Environment.Exit(0);
    }

    /// <summary>
    /// Run without a step, Aspire runs every registered step, deploy and image push included, which fail here with
    /// stack traces. The Aspire CLI always names one (<c>aspire publish</c> is <c>--step publish</c>).
    /// </summary>
    private static void CheckStepNamed(IConfiguration configuration, IReadOnlyList<DeploymentEnvironmentResource> ours, string? step)
    {
        if (step is not null || configuration["Publishing:Publisher"] is not null || configuration["ASPIRE_BACKCHANNEL_PATH"] is not null)
        {
            return;
        }

        var steps = string.Join(", ", ours.Select(e => e.PublishStepName).Append("publish").Append(ManifestStep));
        Fail($"name a step: --step {steps} (--help lists them).", exitCode: 2);
    }

    /// <summary>
    /// Listing steps is a conversation with the Aspire CLI over its backchannel (<c>ASPIRE_BACKCHANNEL_PATH</c>). Without
    /// it, Aspire 13.6 reads <c>--list-steps</c> with no value as a stack trace and a process that never ends, and
    /// <c>--list-steps true</c> as "run every step": point at the command that works instead.
    /// </summary>
    private static void CheckListStepsHasTheCli(IConfiguration configuration)
    {
        // As the last argument, with no value, the switch never reaches configuration: look at the arguments too.
        var asked = configuration["Pipeline:ListSteps"] is not null || Environment.GetCommandLineArgs().Contains("--list-steps");
        if (asked && configuration["ASPIRE_BACKCHANNEL_PATH"] is null)
        {
            Fail("--list-steps needs the Aspire CLI: run 'dotnet aspire do publish --list-steps'.", exitCode: 2);
        }
    }

    /// <summary>
    /// Aspire reports an unknown <c>--step</c> with a stack trace and exit code 0. A step named like a target's
    /// (<c>publish-x</c>, <c>prepare-x</c>) that no environment, resource or Aspire itself provides is a mistyped target: exit 2.
    /// </summary>
    private static void CheckStepExists(DistributedApplicationModel model, string? step)
    {
        if (step is null || !(step.StartsWith("publish-", StringComparison.Ordinal) || step.StartsWith("prepare-", StringComparison.Ordinal)) || step == ManifestStep)
        {
            return;
        }

        var ours = model.Resources.OfType<DeploymentEnvironmentResource>().ToList();
        if (ours.Any(e => step == e.PublishStepName || step == e.PrepareStepName))
        {
            return;
        }

        // Other integrations' environments (Aspire's Docker/Kubernetes/Azure ones) are compute environments too.
        var targetName = step[(step.IndexOf('-', StringComparison.Ordinal) + 1)..];
        if (model.Resources.Any(r => r.Name == targetName && r is not DeploymentEnvironmentResource))
        {
            return;
        }

        var known = string.Join(", ", ours.Select(e => $"{e.PublishStepName} ({e.Target})").Append($"{ManifestStep} (manifest)"));
        Fail($"unknown publish target in --step '{step}': this AppHost declares {known}.", exitCode: 2);
    }

    private static void Select(IDistributedApplicationBuilder builder, DistributedApplicationModel model, string? step)
    {
        var ours = model.Resources.OfType<DeploymentEnvironmentResource>().ToList();
        var selected = ours.Where(e => step == e.PublishStepName || step == e.PrepareStepName).ToList();
        var leaving = selected.Count == 1 ? ours.Except(selected) : step == ManifestStep ? ours : [];
        foreach (var environment in leaving)
        {
            model.Resources.Remove(environment);
        }

        if (step == ManifestStep)
        {
            ConformToManifestSchema(model);
        }

        var remaining = model.Resources.OfType<DeploymentEnvironmentResource>().ToList();
        if (remaining.Count == 0 || model.Resources.OfType<IComputeEnvironmentResource>().Count() <= 1)
        {
            return;
        }

        // Aspire binds a resource to one environment; ours all deploy the whole app. An unbound compute resource is
        // bound to the first of ours (which satisfies validate-compute-environments) and marked for all of ours.
        var first = builder.CreateResourceBuilder<IComputeEnvironmentResource>(remaining[0]);
        foreach (var resource in model.Resources.OfType<IComputeResource>().Where(r => r.GetComputeEnvironment() is null).ToList())
        {
            builder.CreateResourceBuilder(resource).WithComputeEnvironment(first).WithAnnotation(new AllDeploymentTargetsAnnotation());
        }
    }

    /// <summary>
    /// The aspire-8.0 manifest schema (SchemaStore, what azd and aspirate validate against) allows binding schemes
    /// http/https/tcp/udp only; Aspire 13.6 gives Redis's endpoint the scheme "redis". For the manifest only, the
    /// endpoint says "tcp" (what it is on the wire); every other target keeps the model as it is.
    /// </summary>
    private static void ConformToManifestSchema(DistributedApplicationModel model)
    {
        foreach (var endpoint in model.Resources.OfType<RedisResource>().SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            if (endpoint.UriScheme is not ("http" or "https" or "tcp" or "udp"))
            {
                endpoint.UriScheme = "tcp";
            }
        }
    }

    private sealed class Marker;
}

/// <summary>Marks a compute resource every AspireMicro deployment environment deploys (the AppHost bound it to none).</summary>
public sealed class AllDeploymentTargetsAnnotation : IResourceAnnotation
{
}
