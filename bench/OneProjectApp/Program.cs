// The start-up baseline's only project: ASP.NET Core and a health endpoint, nothing else, so the one-project
// AppHost measures what Aspire itself costs (DCP, the dashboard, one project) beside our full app.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health", () => "Healthy");
app.Run();
