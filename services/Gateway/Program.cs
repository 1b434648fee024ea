using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy(proxy =>
{
    proxy.Use(ProxyErrorProblemDetailsMiddleware.InvokeAsync);
    proxy.Use(RetryOtherReplicaMiddleware.InvokeAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();
