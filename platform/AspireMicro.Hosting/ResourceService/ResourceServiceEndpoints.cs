using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AspireMicro.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AspireMicro.Hosting.ResourceService;

internal static class ResourceServiceEndpoints
{
    public static IEndpointRouteBuilder MapResourceServiceApi(this IEndpointRouteBuilder app)
    {
        var resources = app.MapGroup("/api/v1/resources").AddEndpointFilter<ApiKeyEndpointFilter>();
        resources.MapGet("/", (ResourceNotificationService notifications) => TypedResults.Ok(notifications.GetCurrentSnapshots()));
        resources.MapGet("/watch", (ResourceNotificationService notifications, CancellationToken ct) =>
            TypedResults.ServerSentEvents(Snapshots(notifications, ct)));
        resources.MapGet("/{name}/logs", GetLogs);
        resources.MapPost("/{name}/commands/{command}", ExecuteCommand);
        return app;
    }

    private static IResult GetLogs(
        string name, bool? follow, ResourceNotificationService notifications, ResourceLoggerService logs, CancellationToken ct) =>
        notifications.TryGetSnapshot(name) is null
            ? TypedResults.Problem(statusCode: 404, title: "Unknown resource", detail: $"No resource named '{name}'.")
            : TypedResults.ServerSentEvents(Logs(logs, name, follow ?? false, ct));

    private static async Task<IResult> ExecuteCommand(string name, string command, ApplicationOrchestrator orchestrator, CancellationToken ct) =>
        await orchestrator.ExecuteCommandAsync(name, command, ct) switch
        {
            CommandResult.Accepted => TypedResults.Accepted((string?)null),
            CommandResult.NotFound => TypedResults.Problem(statusCode: 404, title: "Unknown resource", detail: $"No resource named '{name}'."),
            CommandResult.UnknownCommand => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["command"] = [$"Unknown command '{command}'; use {string.Join(", ", KnownResourceCommands.All)}."] }),
            _ => TypedResults.Problem(statusCode: 409, title: "Command does not apply", detail: $"'{command}' does not apply to '{name}' in its current state."),
        };

    private static async IAsyncEnumerable<SseItem<ResourceSnapshot>> Snapshots(
        ResourceNotificationService notifications, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var snapshot in notifications.WatchAsync(ct))
        {
            yield return new SseItem<ResourceSnapshot>(snapshot, "snapshot");
        }
    }

    private static async IAsyncEnumerable<SseItem<LogLineDto>> Logs(
        ResourceLoggerService logs, string name, bool follow, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var line in logs.WatchAsync(name, follow, ct))
        {
            yield return new SseItem<LogLineDto>(new LogLineDto(line.LineNumber, line.Timestamp, line.Stream, line.Text), "log");
        }
    }
}
