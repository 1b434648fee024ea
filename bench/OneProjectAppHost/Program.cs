// The baseline for the start-up benchmark: Aspire with one project and the dashboard; of ours only the AppHost's
// "all healthy" line. Aspire's own project launch is kept (no ServiceLaunch): what one project costs out of the box.
var builder = DistributedApplication.CreateBuilder(args);
// No launchSettings.json: the endpoint is declared here and its port allocated by Aspire, as AppHost/ does it.
builder.AddProject<Projects.OneProjectApp>("app").WithHttpEndpoint().WithHttpHealthCheck("/health");
builder.AddStartupReport(); // AppHost/StartupReport.cs, compiled in (see the project file)
builder.Build().Run();
