using Catalog.Api.Caching;
using Catalog.Api.Data;
using Catalog.Api.Endpoints;
using Catalog.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiProblemDetails();
builder.AddCatalogData();
builder.AddCatalogCache();
builder.Services.AddSingleton<InstanceIdentity>();

var app = builder.Build();
app.UseServedByHeader();
app.UseApiProblemDetails();
await app.InitializeCatalogDatabaseAsync();
app.MapDefaultEndpoints();
app.MapCatalogEndpoints();
app.Run();
