using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.NativeStores.RabbitMQ;

/// <summary>
/// A RabbitMQ broker run natively from the Debian package <c>rabbitmq-server</c> (as the <c>rabbitmq</c> user when the
/// AppHost is root), streams included. Its connection string has the shape of Aspire's own
/// <c>RabbitMQServerResource</c>: <c>amqp://user:password@host:port</c>, user and password uri-encoded.
/// </summary>
public sealed class NativeRabbitMQServerResource : NativeStoreResource
{
    /// <summary>The user when none is given, as in Aspire's RabbitMQ integration.</summary>
    public const string DefaultUserName = "guest";

    /// <summary>The Erlang distribution port (internal: other nodes and the CLI tools).</summary>
    public const string DistEndpointName = "dist";

    /// <summary>The port of this node's private epmd (Erlang's port mapper).</summary>
    public const string EpmdEndpointName = "epmd";

    public NativeRabbitMQServerResource(string name, ParameterResource? userName, ParameterResource password)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(password);
        UserNameParameter = userName;
        PasswordParameter = password;
    }

    /// <summary>The user name parameter, or null for <see cref="DefaultUserName"/>.</summary>
    public ParameterResource? UserNameParameter { get; }

    /// <summary>The user name as an expression.</summary>
    public ReferenceExpression UserNameReference => UserNameParameter is not null
        ? ReferenceExpression.Create($"{UserNameParameter}")
        : ReferenceExpression.Create($"{DefaultUserName}");

    /// <inheritdoc />
    public override ParameterResource PasswordParameter { get; }

    /// <inheritdoc />
    public override ReferenceExpression ConnectionStringExpression => UserNameParameter is not null
        ? ReferenceExpression.Create(
            $"amqp://{UserNameParameter:uri}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}")
        : ReferenceExpression.Create(
            $"amqp://{DefaultUserName}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    /// <summary>
    /// The Erlang node name: unique per data folder, so two AppHosts never share one and a persistent node keeps its
    /// own (mnesia is stored per node name).
    /// </summary>
    public string NodeName
    {
        get
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataDirectory)))[..10];
            var safe = new string([.. Name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
            return $"aspire-{safe[..Math.Min(safe.Length, 24)]}-{hash}@localhost";
        }
    }

    internal override NativeStoreKind Kind => NativeStoreKind.RabbitMQ;
}
