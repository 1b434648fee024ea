using Identity.Api.Endpoints;
using Identity.Api.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
await app.InitializeIdentityAsync();
app.MapDefaultEndpoints();
app.MapAccountPages();
app.MapConnectEndpoints();
app.Run();

