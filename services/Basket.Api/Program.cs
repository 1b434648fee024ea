using Basket.Api.Configuration;
using Basket.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Basket API", "A buyer's basket and its checkout; prices come from the catalog.");
builder.AddBasketServices();
builder.AddApiProblemDetails();

var app = builder.Build();
app.UseApiProblemDetails();
app.MapDefaultEndpoints();
app.MapBasketEndpoints();
app.MapApiDocument();
app.Run();
