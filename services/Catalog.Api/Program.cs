using Catalog.Api.Caching;
using Catalog.Api.Data;
using Catalog.Api.Endpoints;
using Catalog.Api.Infrastructure;
using Catalog.Api.Stock;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Catalog API", "Products, prices and stock: reads are public, writes need the admin role.");
builder.AddApiProblemDetails();
builder.AddTokenValidation();
builder.AddCatalogData();
builder.AddCatalogCache();
builder.AddStockReservations();
builder.Services.AddSingleton<InstanceIdentity>();

var app = builder.Build();
app.UseServedByHeader();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
await app.InitializeCatalogDatabaseAsync();
app.MapDefaultEndpoints();
app.MapCatalogEndpoints();
app.MapApiDocument();
app.Run();
