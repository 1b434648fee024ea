using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing;
using AspireMicro.Hosting.Publishing.Compose;
using AspireMicro.Hosting.Publishing.Ecs;
using AspireMicro.Hosting.Publishing.Kubernetes;

namespace Aspire.Hosting;

/// <summary>
/// AspireMicro's deployment targets as Aspire compute environments. Each is added to the model in publish mode only
/// (in run mode the call returns a builder that is not part of the app) and publishes with Aspire's pipeline:
/// <c>aspire publish -o DIR</c>, or <c>dotnet run --project AppHost -- --operation publish --step publish-{name} --output-path DIR</c>.
/// Without an output path the files go to Aspire's default, <c>aspire-output/</c> beside the AppHost (git-ignored).
/// Options: <c>--registry</c>, <c>--tag</c>, <c>--domain</c> (configuration keys <c>registry</c>, <c>tag</c>,
/// <c>domain</c>), or the <c>With…</c> methods below, which win over configuration.
/// </summary>
public static class AspireMicroPublishingExtensions
{
    /// <summary>Kubernetes: one YAML file per resource plus <c>kustomization.yaml</c> (<c>kubectl apply -k DIR</c>).</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> AddKubernetesEnvironment(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return PublishTargets.Add(builder, new KubernetesEnvironmentResource(name));
    }

    /// <summary>Amazon ECS on Fargate: one CloudFormation template, <c>ecs-stack.json</c>.</summary>
    public static IResourceBuilder<EcsEnvironmentResource> AddEcsEnvironment(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return PublishTargets.Add(builder, new EcsEnvironmentResource(name));
    }

    /// <summary>Docker Compose: <c>docker-compose.yaml</c> and a names-only <c>.env.example</c>.</summary>
    public static IResourceBuilder<ComposeEnvironmentResource> AddComposeEnvironment(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return PublishTargets.Add(builder, new ComposeEnvironmentResource(name));
    }

    /// <summary>Registry the project images are pulled from (default: configuration key <c>registry</c>, else localhost:5000).</summary>
    public static IResourceBuilder<T> WithRegistry<T>(this IResourceBuilder<T> builder, string registry)
        where T : DeploymentEnvironmentResource
    {
        builder.Resource.Registry = registry;
        return builder;
    }

    /// <summary>Tag of the project images (default: configuration key <c>tag</c>, else latest).</summary>
    public static IResourceBuilder<T> WithImageTag<T>(this IResourceBuilder<T> builder, string tag)
        where T : DeploymentEnvironmentResource
    {
        builder.Resource.ImageTag = tag;
        return builder;
    }

    /// <summary>DNS domain of the external host names {name}.{domain} (default: configuration key <c>domain</c>, else localtest.me).</summary>
    public static IResourceBuilder<T> WithDomain<T>(this IResourceBuilder<T> builder, string domain)
        where T : DeploymentEnvironmentResource
    {
        builder.Resource.Domain = domain;
        return builder;
    }
}
