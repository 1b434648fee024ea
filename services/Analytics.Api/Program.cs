using Analytics.Api.Api;
using Analytics.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Analytics API", "Sales figures folded from the order-events stream, as JSON and as server-sent events.");
builder.AddAnalytics();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapAnalyticsEndpoints();
app.MapApiDocument();
app.Run();
