using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Orchestration;

/// <summary>The variables of docs/contracts.md, as seen by real processes.</summary>
public sealed class EnvironmentContractTests
{
    [Fact]
    public async Task A_process_receives_connection_strings_service_endpoints_and_OTEL_variables()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("cache");
        var web = builder.AddExecutable("web", "sleep", ".", "60").WithHttpEndpoint().WithReplicas(2);
        builder.AddExecutable("client", "sh", ".", "-c", "env; sleep 60").WithReference(redis).WithReference(web).WaitFor(redis);
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("client", Timeouts.Start);
        var environment = await ReadEnvironmentAsync(app, "client");

        var redisPort = app.GetEndpoint("cache", "tcp").Port;
        Assert.Matches($"^127\\.0\\.0\\.1:{redisPort},password=[A-Za-z0-9]{{22}}$", environment["ConnectionStrings__cache"]);
        Assert.Equal(app.GetEndpoint("web", replicaIndex: 0).ToString().TrimEnd('/'), environment["services__web__http__0"]);
        Assert.Equal(app.GetEndpoint("web", replicaIndex: 1).ToString().TrimEnd('/'), environment["services__web__http__1"]);
        Assert.NotEqual(environment["services__web__http__0"], environment["services__web__http__1"]);
        Assert.Equal("client", environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=client-", environment["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal(("1000", "1000", "1000"), (environment["OTEL_BSP_SCHEDULE_DELAY"], environment["OTEL_BLRP_SCHEDULE_DELAY"], environment["OTEL_METRIC_EXPORT_INTERVAL"]));
        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "no dashboard in tests, so no exporter endpoint");
    }

    [Fact]
    public async Task A_project_gets_its_own_url_and_Development_and_the_snapshot_marks_secrets()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("cache");
        // Any dll will do: the contract is what the orchestrator passes, visible in the snapshot once the process runs.
        var dll = typeof(EnvironmentContractTests).Assembly.Location;
        builder.AddProject("svc", new ApplicationModel.ProjectMetadata(dll, dll)).WithReference(redis).WaitFor(redis).WithReplicas(2);
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        var snapshot = await app.ResourceNotifications.WaitForResourceAsync(
            "svc-1", s => s.Environment.Length > 0, Timeouts.Start);

        var environment = snapshot.Environment.ToDictionary(e => e.Name);
        Assert.Equal(app.GetEndpoint("svc", replicaIndex: 1).ToString().TrimEnd('/'), environment["ASPNETCORE_URLS"].Value);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"].Value);
        Assert.True(environment["ConnectionStrings__cache"].IsSecret);
        Assert.False(environment["OTEL_SERVICE_NAME"].IsSecret);
        Assert.Equal(["cache"], snapshot.WaitsFor.ToArray());
        Assert.Equal((1, 2, "svc", "Project"), (snapshot.ReplicaIndex, snapshot.ReplicaCount, snapshot.DisplayName, snapshot.ResourceType));
    }

    private static async Task<Dictionary<string, string>> ReadEnvironmentAsync(DistributedApplication app, string name)
    {
        var lines = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var line in app.ResourceLogs.WatchAsync(name, follow: true, timeout.Token))
        {
            var separator = line.Text.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                lines[line.Text[..separator]] = line.Text[(separator + 1)..];
            }

            if (lines.ContainsKey("ConnectionStrings__cache") && lines.ContainsKey("OTEL_SERVICE_NAME") && lines.ContainsKey("services__web__http__1"))
            {
                return lines;
            }
        }

        throw new InvalidOperationException("environment not printed");
    }
}
