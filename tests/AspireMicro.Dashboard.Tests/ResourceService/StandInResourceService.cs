using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using AspireMicro.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Dashboard.Tests.ResourceService;

/// <summary>
/// Plays the AppHost's side of the resource-service contract over real HTTP so the dashboard's resources and
/// console pages can be tested before (and independently of) the real AppHost. Restart walks the state
/// through Stopping → Starting → Running and writes a console line, like a real restart would.
/// </summary>
public sealed class StandInResourceService : IAsyncDisposable
{
    public const string ApiKey = "stand-in-resource-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, StandInResource> _resources = new();
    private readonly ConcurrentDictionary<string, List<StandInLogLine>> _logs = new();
    private readonly List<Channel<StandInResource>> _watchers = [];
    private readonly List<(string Name, Channel<StandInLogLine> Channel)> _followers = [];
    private readonly WebApplication _app;

    private StandInResourceService(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<string> Commands { get; } = new();

    public static async Task<StandInResourceService> StartAsync(params StandInResource[] resources)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new StandInResourceService(app, $"http://127.0.0.1:{port}");
        foreach (var resource in resources)
        {
            service._resources[resource.Name] = resource;
            service._logs[resource.Name] = [];
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Headers["x-resource-service-api-key"] != ApiKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        var api = app.MapGroup("/api/v1/resources");
        api.MapGet("/", () => Results.Json(service._resources.Values.OrderBy(r => r.Name), Json));
        api.MapGet("/watch", service.WatchAsync);
        api.MapGet("/{name}/logs", service.LogsAsync);
        api.MapPost("/{name}/commands/{command}", service.Command);
        await app.StartAsync();
        return service;
    }

    public void AppendLog(string name, string stream, string text)
    {
        StandInLogLine line;
        lock (_logs)
        {
            var lines = _logs[name];
            line = new StandInLogLine(lines.Count + 1, DateTimeOffset.UtcNow, stream, text);
            lines.Add(line);
            foreach (var follower in _followers.Where(f => f.Name == name))
            {
                follower.Channel.Writer.TryWrite(line);
            }
        }
    }

    public void Publish(StandInResource resource)
    {
        lock (_watchers)
        {
            _resources[resource.Name] = resource;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(resource);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_watchers)
        {
            _watchers.ForEach(w => w.Writer.TryComplete());
        }

        lock (_logs)
        {
            _followers.ForEach(f => f.Channel.Writer.TryComplete());
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task WatchAsync(HttpContext context)
    {
        var channel = Channel.CreateUnbounded<StandInResource>();
        lock (_watchers)
        {
            foreach (var resource in _resources.Values)
            {
                channel.Writer.TryWrite(resource);
            }

            _watchers.Add(channel);
        }

        await StreamAsync(context, channel.Reader, "snapshot");
    }

    private async Task LogsAsync(HttpContext context, string name)
    {
        if (!_logs.ContainsKey(name))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var channel = Channel.CreateUnbounded<StandInLogLine>();
        lock (_logs)
        {
            foreach (var line in _logs[name])
            {
                channel.Writer.TryWrite(line);
            }

            _followers.Add((name, channel));
        }

        await StreamAsync(context, channel.Reader, "log");
    }

    private IResult Command(string name, string command)
    {
        if (!_resources.TryGetValue(name, out var resource))
        {
            return Results.NotFound();
        }

        if (command == "start" && resource.State == "Running")
        {
            return Results.Conflict();
        }

        Commands.Enqueue($"{name}:{command}");
        _ = Task.Run(async () =>
        {
            var version = resource.Version;
            foreach (var state in command == "stop" ? new[] { "Stopping", "Exited" } : ["Stopping", "Starting", "Running"])
            {
                await Task.Delay(300);
                Publish(resource with { State = state, Version = ++version, Health = state == "Running" ? "Healthy" : "Unknown" });
            }

            AppendLog(name, "stdout", $"\u001b[32minfo\u001b[39m: {command} completed");
        });
        return Results.StatusCode((int)HttpStatusCode.Accepted);
    }

    private static async Task StreamAsync<T>(HttpContext context, ChannelReader<T> reader, string eventName)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(context.RequestAborted);
        try
        {
            await foreach (var item in reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"event: {eventName}\ndata: {JsonSerializer.Serialize(item, Json)}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The dashboard closed the stream.
        }
    }
}
