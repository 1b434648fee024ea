using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Storefront.Proxy;

/// <summary>
/// Same-origin proxy: the browser calls /api/** on the storefront, which forwards to the gateway found by
/// service discovery (services__gateway__http__N). The browser never needs to know where the gateway is,
/// and there is no CORS to configure.
/// </summary>
public sealed class GatewayProxyConfigProvider(IConfiguration configuration) : IProxyConfigProvider
{
    private readonly Lazy<IProxyConfig> _config = new(() => Build(configuration));

    public IProxyConfig GetConfig() => _config.Value;

    private static GatewayProxyConfig Build(IConfiguration configuration)
    {
        var destinations = configuration.GetSection("services:gateway:http").GetChildren()
            .Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .ToDictionary(e => $"gateway-{e.Key}", e => new DestinationConfig { Address = e.Value! });
        var route = new RouteConfig { RouteId = "api", ClusterId = "gateway", Match = new RouteMatch { Path = "/api/{**rest}" } };
        var cluster = new ClusterConfig
        {
            ClusterId = "gateway",
            Destinations = destinations,
            // The gateway enforces backend timeouts itself; this only has to outlive its SSE streams.
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
        };
        return new GatewayProxyConfig([route], [cluster]);
    }

    private sealed class GatewayProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes { get; } = routes;
        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;
        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
