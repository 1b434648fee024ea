// The AspireMicro app model: backing stores first, then the services that use them.
// Backing stores run as native processes here (no container engine), as Aspire's own containers where an engine
// answers, and always as containers when publishing: see BackingStores in platform/AspireMicro.Hosting.NativeStores.
// The services that use RabbitMQ do not WaitFor(messaging): the broker boots for seconds, and they spend that time
// starting up and connect as soon as it listens; their health checks include the broker.
var builder = DistributedApplication.CreateBuilder(args);

var stores = builder.AddBackingStores();
var postgres = stores.AddPostgres("postgres");
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var paymentDb = postgres.AddDatabase("paymentdb");
var redis = stores.AddRedis("redis");
var messaging = stores.AddRabbitMQ("messaging");

var catalog = builder.AddService<Projects.Catalog_Api>("catalog")
    .WithReplicas(2)
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging);

var ordering = builder.AddService<Projects.Ordering_Api>("ordering")
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(messaging);

var basket = builder.AddService<Projects.Basket_Api>("basket")
    .WithReference(redis).WaitFor(redis)
    .WithReference(catalog)
    .WithReference(ordering);

builder.AddService<Projects.Payment_Worker>("payment")
    .WithReference(paymentDb).WaitFor(paymentDb)
    .WithReference(messaging);

var analytics = builder.AddService<Projects.Analytics_Api>("analytics")
    .WithReference(messaging);

var gateway = builder.AddService<Projects.Gateway>("gateway")
    .WithReference(catalog)
    .WithReference(basket)
    .WithReference(ordering)
    .WithReference(analytics)
    .WithExternalHttpEndpoints()
    // The public API's reference (Scalar, one OpenAPI document per service), linked from the dashboard.
    .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/scalar", DisplayText = "API reference" });

builder.AddService<Projects.Storefront>("storefront")
    .WithReference(gateway)
    .WithExternalHttpEndpoints();

// One console line once every resource is healthy, with the time it took.
builder.AddStartupReport();

// Kill (SIGKILL), Pause (SIGSTOP) and Resume (SIGCONT) beside Aspire's own Stop/Start/Restart, on every resource.
builder.AddFaultCommands();

// Deployment targets (publish mode only; no-ops when running): Kubernetes (kustomize), Amazon ECS (CloudFormation), compose.
builder.AddKubernetesEnvironment("k8s");
builder.AddEcsEnvironment("ecs");
builder.AddComposeEnvironment("compose");

builder.Build().Run();
