// The AspireMicro app model on .NET Aspire: backing stores first, then the services that use them.
// The services that use RabbitMQ do not WaitFor(messaging): the broker boots for seconds, and they spend that time
// starting up and connect as soon as it listens; their health checks include the broker, so they turn healthy only once connected.
// The services have no launch profiles: WithHttpEndpoint() gives each its "http" endpoint (Aspire adds none by itself).
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var paymentDb = postgres.AddDatabase("paymentdb");
var redis = builder.AddRedis("redis");
var messaging = builder.AddRabbitMQ("messaging");

var catalog = builder.AddProject<Projects.Catalog_Api>("catalog")
    .WithHttpEndpoint()
    .WithReplicas(2)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging);

var ordering = builder.AddProject<Projects.Ordering_Api>("ordering")
    .WithHttpEndpoint()
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(messaging);

var basket = builder.AddProject<Projects.Basket_Api>("basket")
    .WithHttpEndpoint()
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog)
    .WithReference(ordering);

builder.AddProject<Projects.Payment_Worker>("payment")
    .WithHttpEndpoint()
    .WithReference(paymentDb).WaitFor(paymentDb)
    .WithReference(messaging);

var analytics = builder.AddProject<Projects.Analytics_Api>("analytics")
    .WithHttpEndpoint()
    .WithReference(messaging);

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint()
    .WithReference(catalog)
    .WithReference(basket)
    .WithReference(ordering)
    .WithReference(analytics)
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.Storefront>("storefront")
    .WithHttpEndpoint()
    .WithReference(gateway)
    .WithExternalHttpEndpoints();

// Deployment targets (publish mode only; no-ops when running).
builder.AddKubernetesEnvironment("k8s");
builder.AddEcsEnvironment("ecs");
builder.AddComposeEnvironment("compose");

builder.Build().Run();
