// The baseline for the start-up benchmark: Aspire with one project and the dashboard, nothing of ours. Aspire's
// own project launch is kept (no ServiceLaunch): this is what a one-project Aspire app costs out of the box.
using Microsoft.Extensions.DependencyInjection;
using OneProjectAppHost;

var builder = DistributedApplication.CreateBuilder(args);
// No launchSettings.json: the endpoint is declared here and its port allocated by Aspire, as AppHost/ does it.
builder.AddProject<Projects.OneProjectApp>("app").WithHttpEndpoint().WithHttpHealthCheck("/health");
builder.Services.AddHostedService<AllHealthyLine>();
builder.Build().Run();
