namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// An input value (from configuration <c>Parameters:{name}</c>, user secrets or env <c>Parameters__{name}</c>).
/// The builder wires <see cref="ValueResolver"/>; publishers never resolve it and render <c>{name.value}</c> instead.
/// </summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name), IValueProvider, IManifestExpressionProvider
{
    public bool Secret { get; } = secret;

    /// <summary>True when a missing value is generated (and remembered) rather than an error.</summary>
    public bool GeneratesDefault { get; init; }

    /// <summary>Configuration key the value is read from, e.g. <c>Parameters:postgres-password</c>.</summary>
    public string ConfigurationKey { get; init; } = $"Parameters:{name}";

    public Func<CancellationToken, ValueTask<string>>? ValueResolver { get; set; }

    public string ValueExpression => $"{{{Name}.value}}";

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        ValueResolver is null
            ? throw new DistributedApplicationException($"Parameter '{Name}' has no value source.")
            : await ValueResolver(cancellationToken);
}
