using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.NativeStores.Redis;

/// <summary>
/// A Redis server run natively from the Debian package <c>redis-server</c>. Its connection string has the shape of
/// Aspire's own <c>RedisResource</c>: <c>host:port,password=..</c>.
/// </summary>
public sealed class NativeRedisResource : NativeStoreResource
{
    public NativeRedisResource(string name, ParameterResource password)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(password);
        PasswordParameter = password;
    }

    /// <inheritdoc />
    public override ParameterResource PasswordParameter { get; }

    /// <inheritdoc />
    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    internal override NativeStoreKind Kind => NativeStoreKind.Redis;
}
