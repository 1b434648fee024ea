using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Hosting.ResourceService;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Orchestration;

public sealed class ResourceServiceTests
{
    [Fact]
    public async Task The_resource_service_requires_the_api_key_serves_snapshots_logs_and_commands()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("worker", "sh", ".", "-c", "echo hello; sleep 300");
        await using var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", Timeouts.Start);
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.ResourceServiceUrl!) };
        using var client = new HttpClient { BaseAddress = new Uri(app.ResourceServiceUrl!) };
        client.DefaultRequestHeaders.Add(ResourceServiceHost.ApiKeyHeader, app.ResourceServiceApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/resources")).StatusCode);

        var resources = await client.GetFromJsonAsync<JsonElement>("/api/v1/resources");
        var worker = resources.EnumerateArray().Single();
        Assert.Equal(("worker", "Running", "Healthy"), (worker.GetProperty("name").GetString(), worker.GetProperty("state").GetString(), worker.GetProperty("health").GetString()));

        var logs = await client.GetStringAsync("/api/v1/resources/worker/logs");
        Assert.Contains("event: log", logs, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"hello\"", logs, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/resources/nobody/commands/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/resources/worker/commands/explode", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/v1/resources/worker/commands/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/resources/worker/commands/stop", null)).StatusCode);
        Assert.Equal("Exited", app.ResourceNotifications.TryGetSnapshot("worker")!.State);
    }

    [Fact]
    public async Task Watch_streams_every_current_snapshot_first_as_server_sent_events()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("one", "sleep", ".", "60");
        builder.AddExecutable("two", "sleep", ".", "60");
        await using var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        using var client = new HttpClient { BaseAddress = new Uri(app.ResourceServiceUrl!) };
        client.DefaultRequestHeaders.Add(ResourceServiceHost.ApiKeyHeader, app.ResourceServiceApiKey);

        using var response = await client.GetAsync("/api/v1/resources/watch", HttpCompletionOption.ResponseHeadersRead, Timeouts.Start);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var names = new List<string>();
        while (names.Count < 2 && await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                names.Add(JsonDocument.Parse(line[6..]).RootElement.GetProperty("name").GetString()!);
            }
            else if (line.Length > 0)
            {
                Assert.Equal("event: snapshot", line);
            }
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["one", "two"], names);
    }
}
