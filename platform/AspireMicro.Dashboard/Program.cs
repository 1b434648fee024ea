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

// A bad setting is a user's mistake, not a crash: one line naming it and exit code 1, no stack trace.
try
{
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    Console.Error.WriteLine($"error: invalid dashboard setting: {string.Join("; ", ex.Failures)}");
    return 1;
}

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
return 0;
