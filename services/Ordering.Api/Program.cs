using Ordering.Api.Api;
using Ordering.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Ordering API", "A buyer's orders and a server-sent stream of each order's status.");
builder.AddOrdering();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapOrderEndpoints();
app.MapApiDocument();
app.Run();
