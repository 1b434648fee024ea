using Payment.Worker.Extensions;

// A worker, but on the Web SDK so the host can probe /health like any other project.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPayment();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
