using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>
/// A backing store (PostgreSQL, Redis, RabbitMQ) run as a native process from the machine's own packages instead of
/// a container. DCP runs it as an executable: <c>/bin/sh</c> with one of this library's launcher scripts, which reads
/// its settings (late-bound port, password, data folder) from the environment.
/// </summary>
public abstract class NativeStoreResource : ExecutableResource, IResourceWithConnectionString
{
    /// <summary>The name of the endpoint clients connect to (the same as Aspire's container integrations).</summary>
    public const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    private protected NativeStoreResource(string name)
        : base(name, "/bin/sh", Path.GetTempPath())
    {
    }

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    /// <summary>The password of the store's user.</summary>
    public abstract ParameterResource PasswordParameter { get; }

    /// <summary>
    /// The folder holding the store's data. Ephemeral by default (a private folder per run, removed when the app
    /// stops); <c>WithDataDirectory</c> makes it persistent.
    /// </summary>
    public string DataDirectory { get; internal set; } = string.Empty;

    /// <summary>Whether the data survives the run (set by <c>WithDataDirectory</c>).</summary>
    public bool IsPersistent { get; internal set; }

    /// <inheritdoc />
    public abstract ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>postgres, redis or rabbitmq: names the launcher script and the binaries to look for.</summary>
    internal abstract NativeStoreKind Kind { get; }
}

internal enum NativeStoreKind
{
    Postgres,
    Redis,
    RabbitMQ,
}
