using System.Text.Json.Nodes;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Manifest;

/// <summary>
/// <c>aspire-manifest.json</c> in the .NET Aspire 8.0 manifest format, so tools that read Aspire manifests
/// (azd, aspirate) can consume this AppHost. Values stay symbolic: <c>{postgres.connectionString}</c>,
/// <c>{catalog.bindings.http.url}</c>, <c>{postgres-password.value}</c>.
/// </summary>
public sealed class ManifestPublisher : PublisherBase
{
    public const string FileName = "aspire-manifest.json";

    public ManifestPublisher()
        : this(null)
    {
    }

    public ManifestPublisher(DistributedApplicationOptions? options)
        : base("manifest", options)
    {
    }

    public override async Task<ArtifactSet> GenerateAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        var resources = new JsonObject();
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case ProjectResource project:
                    resources[project.Name] = await ManifestResources.ProjectAsync(project, options, cancellationToken);
                    break;
                case ExecutableResource executable:
                    resources[executable.Name] = await ManifestResources.ExecutableAsync(executable, options, cancellationToken);
                    break;
                case INativeServerResource store:
                    resources[store.Name] = ManifestResources.Container(store);
                    // Generated passwords are not model resources, but the manifest must declare them as inputs.
                    resources[store.PasswordParameter.Name] ??= ManifestResources.Parameter(store.PasswordParameter);
                    break;
                case ParameterResource parameter:
                    resources[parameter.Name] ??= ManifestResources.Parameter(parameter);
                    break;
                case ConnectionStringResource connection:
                    resources[connection.Name] = ManifestResources.ConnectionString(connection);
                    break;
                case IResourceWithConnectionString value:
                    resources[value.Name] = new JsonObject
                    {
                        ["type"] = "value.v0",
                        ["connectionString"] = value.ConnectionStringExpression.ValueExpression,
                    };
                    break;
                default:
                    throw DeploymentPlanBuilder.Unsupported(resource, Target);
            }
        }

        var manifest = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/aspire-8.0.json",
            ["resources"] = resources,
        };
        var artifacts = new ArtifactSet();
        artifacts.Add(FileName, PublishJson.Serialize(manifest));
        return artifacts;
    }
}
