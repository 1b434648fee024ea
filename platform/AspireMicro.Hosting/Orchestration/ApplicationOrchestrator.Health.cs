using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Orchestration;

public sealed partial class ApplicationOrchestrator
{
    // Until first healthy every probe interval is added to the start-up of whatever waits for the resource (and
    // a refused connection costs nothing), so probe often; afterwards a slow beat is enough to notice trouble.
    private static readonly TimeSpan StartupProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SteadyProbeInterval = TimeSpan.FromSeconds(2);

    /// <summary>Probes the instance for as long as its process runs and publishes each Healthy/Unhealthy transition.</summary>
    private void StartHealthMonitor(ResourceInstance instance)
    {
        instance.MonitorCancellation?.Cancel();
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        instance.MonitorCancellation = cancellation;
        _ = Task.Run(() => MonitorAsync(instance, cancellation.Token), CancellationToken.None);
    }

    private async Task MonitorAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var everHealthy = false;
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_notifications.TryGetSnapshot(instance.Name)?.State == KnownResourceStates.Running)
                {
                    var (healthy, description) = await ProbeAsync(instance, cancellationToken);
                    everHealthy |= healthy;
                    var timedOut = !everHealthy && DateTimeOffset.UtcNow - startedAt > _options.StartupTimeout;
                    PublishHealth(instance, healthy, timedOut ? $"not healthy after {_options.StartupTimeout.TotalSeconds:0} s: {description}" : description);
                }

                await Task.Delay(everHealthy ? SteadyProbeInterval : StartupProbeInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void PublishHealth(ResourceInstance instance, bool healthy, string? description)
    {
        var health = healthy ? KnownHealthStates.Healthy : KnownHealthStates.Unhealthy;
        var current = _notifications.TryGetSnapshot(instance.Name);
        if (current is null || current.State != KnownResourceStates.Running || (current.Health == health && current.HealthDescription == description))
        {
            return;
        }

        _notifications.Publish(instance.Name, s => s.State == KnownResourceStates.Running ? s with { Health = health, HealthDescription = description } : s);
    }

    private async Task<(bool Healthy, string? Description)> ProbeAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            switch (instance.Resource)
            {
                case ProjectResource project:
                    var endpoint = project.GetEndpointAnnotations().First(e => e.Name == "http").AllocatedEndpoints[instance.ReplicaIndex];
                    using (var response = await _healthClient.GetAsync(new Uri(new Uri(endpoint.Url), project.HealthCheckPath), cancellationToken))
                    {
                        return response.IsSuccessStatusCode ? (true, null) : (false, $"{project.HealthCheckPath} returned {(int)response.StatusCode}");
                    }

                case INativeServerResource server when instance.ServerContext is { } context:
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        timeout.CancelAfter(TimeSpan.FromSeconds(3));
                        return await Recipe(server).IsReadyAsync(context, timeout.Token) ? (true, null) : (false, "not accepting connections yet");
                    }

                default:
                    // Executables have no protocol to probe: running is as healthy as they get.
                    return (true, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, "health probe timed out");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
    }
}
