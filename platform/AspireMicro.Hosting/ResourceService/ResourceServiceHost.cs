using System.Net;
using System.Security.Cryptography;
using AspireMicro.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Hosting.ResourceService;

/// <summary>The AppHost's HTTP API for the dashboard and tests (docs/contracts.md), on a random loopback port.</summary>
public sealed class ResourceServiceHost : IAsyncDisposable
{
    public const string ApiKeyHeader = "x-resource-service-api-key";

    private WebApplication? _app;

    public string ApiKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public string? Url { get; private set; }

    public async Task StartAsync(ResourceNotificationService notifications, ResourceLoggerService logs, ApplicationOrchestrator orchestrator, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(orchestrator);
        builder.Services.AddSingleton(new ResourceServiceApiKey(ApiKey));
        _app = builder.Build();
        _app.MapResourceServiceApi();
        await _app.StartAsync(cancellationToken);
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
