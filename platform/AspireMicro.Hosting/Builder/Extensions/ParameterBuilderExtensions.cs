using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting;

public static class ParameterBuilderExtensions
{
    /// <summary>
    /// A value from configuration <c>Parameters:{name}</c> (appsettings, user secrets, env <c>Parameters__{name}</c>).
    /// A secret without a value is generated once and remembered for this AppHost; a plain parameter without one is an error at start.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        var parameter = new ParameterResource(name, secret) { GeneratesDefault = secret };
        WireResolver(builder, parameter);
        return builder.AddResource(parameter);
    }

    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, string value, bool secret = false)
    {
        var parameter = new ParameterResource(name, secret)
        {
            ValueResolver = _ => ValueTask.FromResult(value),
        };
        return builder.AddResource(parameter);
    }

    /// <summary>An external service reached through configuration <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(this IDistributedApplicationBuilder builder, string name)
    {
        var value = new ParameterResource(name, secret: true) { ConfigurationKey = $"ConnectionStrings:{name}" };
        WireResolver(builder, value);
        return builder.AddResource(new ConnectionStringResource(name, value));
    }

    /// <summary>Password parameter for a backing store when the user supplies none: generated and remembered.</summary>
    internal static ParameterResource CreateGeneratedPassword(IDistributedApplicationBuilder builder, string resourceName)
    {
        var parameter = new ParameterResource($"{resourceName}-password", secret: true) { GeneratesDefault = true };
        WireResolver(builder, parameter);
        return parameter;
    }

    private static void WireResolver(IDistributedApplicationBuilder builder, ParameterResource parameter)
    {
        var store = builder is DistributedApplicationBuilder concrete ? concrete.Parameters : new ParameterValueStore(null);
        parameter.ValueResolver = _ =>
        {
            var configured = builder.Configuration[parameter.ConfigurationKey];
            if (!string.IsNullOrEmpty(configured))
            {
                return ValueTask.FromResult(configured);
            }

            if (parameter.GeneratesDefault)
            {
                return ValueTask.FromResult(store.GetOrGenerate(parameter.Name));
            }

            var envName = parameter.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);
            throw new DistributedApplicationException(
                $"Parameter '{parameter.Name}' has no value: set '{parameter.ConfigurationKey}' in configuration or user secrets, or the environment variable '{envName}'.");
        };
    }
}
