using Analytics.Api.Api;
using Analytics.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalytics();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapAnalyticsEndpoints();
app.Run();
