using Ordering.Api.Api;
using Ordering.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiDocument("Ordering API", "The signed-in buyer's orders and a server-sent stream of each order's status; orders are created by basket's checkout only.");
builder.AddOrdering();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOrderEndpoints();
app.MapApiDocument();
app.Run();
