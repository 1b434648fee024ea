// The AspireMicro app model: backing stores first, then the services that use them.
// The services that use RabbitMQ do not WaitFor(messaging): the broker boots for seconds, and they spend that time
// starting up (at a lower priority, so they do not slow it down) and connect as soon as it listens; their health
// checks include the broker, so they turn healthy only once connected.
var builder = DistributedApplication.CreateBuilder(args);

var postgresPassword = builder.AddParameter("postgres-password", secret: true);
var postgres = builder.AddPostgres("postgres", postgresPassword);
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var paymentDb = postgres.AddDatabase("paymentdb");
var redis = builder.AddRedis("redis");
var messaging = builder.AddRabbitMQ("messaging");

var catalog = builder.AddProject<Projects.Catalog_Api>("catalog")
    .WithReplicas(2)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging);

var ordering = builder.AddProject<Projects.Ordering_Api>("ordering")
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(messaging);

var basket = builder.AddProject<Projects.Basket_Api>("basket")
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog)
    .WithReference(ordering);

builder.AddProject<Projects.Payment_Worker>("payment")
    .WithReference(paymentDb).WaitFor(paymentDb)
    .WithReference(messaging);

var analytics = builder.AddProject<Projects.Analytics_Api>("analytics")
    .WithReference(messaging);

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(catalog)
    .WithReference(basket)
    .WithReference(ordering)
    .WithReference(analytics)
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.Storefront>("storefront")
    .WithReference(gateway)
    .WithExternalHttpEndpoints();

builder.Build().Run();
