using Gateway.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Gateway.Proxy;

/// <summary>
/// Builds YARP routes and clusters from the AppHost's service-discovery variables
/// (services__catalog__http__0, __1, … one per replica), read when the proxy first asks for its config
/// so test hosts can supply addresses late.
/// </summary>
public sealed class ServiceDiscoveryProxyConfigProvider(IConfiguration configuration, IOptions<GatewayOptions> options) : IProxyConfigProvider
{
    private const string EventStreamMedia = "text/event-stream";

    private readonly Lazy<IProxyConfig> _config = new(() => Build(configuration, options.Value));

    public IProxyConfig GetConfig() => _config.Value;

    private static InMemoryProxyConfig Build(IConfiguration configuration, GatewayOptions options)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var (service, prefix) in options.Routes)
        {
            var destinations = Destinations(configuration, service);
            clusters.Add(Cluster(service, destinations, options, options.ActivityTimeout));
            clusters.Add(Cluster($"{service}-streams", destinations, options, options.StreamingActivityTimeout));
            foreach (var rule in GatewayAccess.For(service))
            {
                routes.Add(new RouteConfig
                {
                    RouteId = service + rule.Suffix,
                    ClusterId = service,
                    Order = rule.Order,
                    AuthorizationPolicy = rule.Policy,
                    Match = new RouteMatch { Path = $"{prefix}/{{**rest}}", Methods = rule.Methods },
                });
                // EventSource asks for text/event-stream: those requests go to a twin cluster with a long idle timeout.
                routes.Add(new RouteConfig
                {
                    RouteId = $"{service}{rule.Suffix}-streams",
                    ClusterId = $"{service}-streams",
                    Order = rule.Order - 2,
                    AuthorizationPolicy = rule.Policy,
                    Match = new RouteMatch
                    {
                        Path = $"{prefix}/{{**rest}}",
                        Methods = rule.Methods,
                        Headers = [new RouteHeader { Name = "Accept", Values = [EventStreamMedia], Mode = HeaderMatchMode.Contains }],
                    },
                });
            }

            // The service's OpenAPI document, under a name per service, for the API reference (Scalar) at /scalar.
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                Match = new RouteMatch { Path = ApiReference.DocumentPath(service), Methods = [HttpMethods.Get] },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = ApiDocumentExtensions.DocumentPath }],
            });
        }

        return new InMemoryProxyConfig(routes, clusters);
    }

    private static Dictionary<string, DestinationConfig> Destinations(IConfiguration configuration, string service)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var scheme in new[] { "http", "https" })
        {
            foreach (var entry in configuration.GetSection($"services:{service}:{scheme}").GetChildren())
            {
                if (!string.IsNullOrWhiteSpace(entry.Value))
                {
                    destinations[$"{service}-{scheme}-{entry.Key}"] = new DestinationConfig { Address = entry.Value };
                }
            }
        }

        return destinations;
    }

    private static ClusterConfig Cluster(
        string id, Dictionary<string, DestinationConfig> destinations, GatewayOptions options, TimeSpan activityTimeout) => new()
        {
            ClusterId = id,
            Destinations = destinations,
            // Round robin spreads load evenly over replicas (and makes the spread easy to observe).
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = activityTimeout },
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = TimeSpan.FromSeconds(10),
                },
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.HealthProbeInterval,
                    Timeout = options.ConnectTimeout,
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/alive",
                },
            },
        };

    private sealed class InMemoryProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes { get; } = routes;
        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;
        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
