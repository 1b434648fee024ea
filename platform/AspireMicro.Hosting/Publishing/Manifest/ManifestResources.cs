using System.Text.Json.Nodes;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Manifest;

/// <summary>One manifest entry per resource kind, in the shapes the aspire-8.0 schema allows.</summary>
internal static class ManifestResources
{
    public static async Task<JsonObject> ProjectAsync(ProjectResource project, PublishOptions options, CancellationToken cancellationToken)
    {
        var env = new JsonObject
        {
            // Containers sit behind an ingress/load balancer that terminates TLS and forwards the original scheme.
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}",
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        await AddEnvironmentAsync(project, options, env, cancellationToken);
        var entry = new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = RelativePath(options.OutputDirectory, project.Metadata.ProjectPath),
        };
        await AddArgsAsync(project, options, entry, cancellationToken);
        entry["env"] = env;
        entry["bindings"] = Bindings(project);
        return entry;
    }

    public static async Task<JsonObject> ExecutableAsync(ExecutableResource executable, PublishOptions options, CancellationToken cancellationToken)
    {
        var env = new JsonObject();
        await AddEnvironmentAsync(executable, options, env, cancellationToken);
        var entry = new JsonObject
        {
            ["type"] = "executable.v0",
            ["workingDirectory"] = RelativePath(options.OutputDirectory, executable.WorkingDirectory),
            ["command"] = executable.Command,
        };
        await AddArgsAsync(executable, options, entry, cancellationToken);
        entry["env"] = env;
        entry["bindings"] = Bindings(executable);
        return entry;
    }

    public static JsonObject Container(INativeServerResource store)
    {
        var image = BackingStoreImage.For(store);
        var password = store.PasswordParameter.ValueExpression;
        var env = store switch
        {
            PostgresServerResource => new JsonObject
            {
                ["POSTGRES_USER"] = PostgresServerResource.UserName,
                ["POSTGRES_PASSWORD"] = password,
            },
            RabbitMQServerResource => new JsonObject
            {
                ["RABBITMQ_DEFAULT_USER"] = RabbitMQServerResource.UserName,
                ["RABBITMQ_DEFAULT_PASS"] = password,
            },
            _ => new JsonObject(),
        };
        var entry = new JsonObject
        {
            ["type"] = "container.v0",
            ["connectionString"] = store.ConnectionStringExpression.ValueExpression,
            ["image"] = image.Image,
        };
        if (store is RedisResource)
        {
            // The redis image takes its password as an argument, not an environment variable.
            entry["args"] = new JsonArray("--requirepass", password);
        }

        entry["env"] = env;
        entry["bindings"] = Bindings(store);
        if (store.TryGetLastAnnotation<DataDirectoryAnnotation>(out _))
        {
            entry["volumes"] = new JsonArray(new JsonObject
            {
                ["name"] = $"{store.Name}-data",
                ["target"] = image.DataPath,
                ["readOnly"] = false,
            });
        }

        return entry;
    }

    public static JsonObject Parameter(ParameterResource parameter)
    {
        var input = new JsonObject { ["type"] = "string", ["secret"] = parameter.Secret };
        if (parameter.GeneratesDefault)
        {
            // Letters and digits only, like the local generator: the value lands unescaped in URIs and connection strings.
            input["default"] = new JsonObject
            {
                ["generate"] = new JsonObject { ["minLength"] = 22, ["special"] = false },
            };
        }

        return new JsonObject
        {
            ["type"] = "parameter.v0",
            ["value"] = $"{{{parameter.Name}.inputs.value}}",
            ["inputs"] = new JsonObject { ["value"] = input },
        };
    }

    public static JsonObject ConnectionString(ConnectionStringResource connection) => new()
    {
        ["type"] = "parameter.v0",
        ["connectionString"] = $"{{{connection.Name}.value}}",
        ["value"] = $"{{{connection.Name}.inputs.value}}",
        ["inputs"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "string", ["secret"] = true } },
    };

    private static JsonObject Bindings(IResource resource)
    {
        var bindings = new JsonObject();
        foreach (var endpoint in resource.GetEndpointAnnotations())
        {
            var binding = new JsonObject
            {
                ["scheme"] = endpoint.Scheme,
                ["protocol"] = "tcp",
                ["transport"] = endpoint.Scheme is "http" or "https" ? "http" : "tcp",
            };
            if (endpoint.IsExternal)
            {
                binding["external"] = true;
            }

            binding["targetPort"] = ServicePort.For(resource, endpoint);
            bindings[endpoint.Name] = binding;
        }

        return bindings;
    }

    private static async Task AddEnvironmentAsync(IResource resource, PublishOptions options, JsonObject env, CancellationToken cancellationToken)
    {
        var values = await resource.GetEnvironmentAsync(options.ExecutionContext, cancellationToken);
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            env[name] = Expression(value);
        }
    }

    private static async Task AddArgsAsync(IResource resource, PublishOptions options, JsonObject entry, CancellationToken cancellationToken)
    {
        var args = await resource.GetArgumentsAsync(options.ExecutionContext, cancellationToken);
        if (args.Count > 0)
        {
            entry["args"] = new JsonArray([.. args.Select(a => (JsonNode?)JsonValue.Create(Expression(a)))]);
        }
    }

    private static string Expression(object value) => value switch
    {
        IManifestExpressionProvider provider => provider.ValueExpression,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The schema says relative paths resolve against the manifest's folder; forward slashes keep it OS-independent.</summary>
    private static string RelativePath(string outputDirectory, string path) =>
        Path.GetRelativePath(Path.GetFullPath(outputDirectory), path).Replace('\\', '/');
}
