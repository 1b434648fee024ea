using Storefront.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayProxy();
builder.AddStorefrontSignIn();

var app = builder.Build();
app.UseExceptionHandler();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapSignIn();
app.MapGatewayProxy();
app.MapFallbackToFile("index.html");
app.Run();
