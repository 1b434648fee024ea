using Basket.Api.Configuration;
using Basket.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Basket API", "The signed-in buyer's basket and its checkout (a bearer token from the identity service); prices come from the catalog.");
builder.AddBasketServices();
builder.AddApiProblemDetails();

var app = builder.Build();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapBasketEndpoints();
app.MapApiDocument();
app.Run();
