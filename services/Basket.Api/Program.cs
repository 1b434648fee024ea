using Basket.Api.Configuration;
using Basket.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBasketServices();
builder.AddApiProblemDetails();

var app = builder.Build();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapBasketEndpoints();
app.Run();
