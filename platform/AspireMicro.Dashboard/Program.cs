using AspireMicro.Dashboard.Configuration;
using AspireMicro.Dashboard.Frontend.Api;
using AspireMicro.Dashboard.Frontend.Auth;
using AspireMicro.Dashboard.Frontend.Pages;
using AspireMicro.Dashboard.Otlp;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboardDefaults();
var endpoints = builder.ConfigureDashboardKestrel();
builder.AddDashboardOptions();
builder.Services.AddTelemetryStorage();
builder.Services.AddOtlpReceivers();
builder.Services.AddDashboardFrontend();

var app = builder.Build();
app.UseMiddleware<OtlpRequestGuardMiddleware>();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapOtlpReceivers();
app.MapLogin();
app.MapTelemetryApi();
app.MapResourcesApi();
app.MapPages();
app.PrintStartupBanner(endpoints);
app.Run();
