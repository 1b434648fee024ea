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
var identityDb = postgres.AddDatabase("identitydb");
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

var storefront = builder.AddService<Projects.Storefront>("storefront")
    .WithReference(gateway)
    .WithExternalHttpEndpoints();

// Sign-in for people (storefront, authorization code + PKCE) and services (client credentials); every API validates
// its JWTs against identity's JWKS. The demo users' passwords and the client secrets are secret parameters, generated
// on the first run and kept in the AppHost's user secrets: shown only in the dashboard's parameter view.
var buyerPassword = builder.AddGeneratedSecret("identity-buyer-password");
var adminPassword = builder.AddGeneratedSecret("identity-admin-password");
var storefrontSecret = builder.AddGeneratedSecret("storefront-client-secret");
var basketSecret = builder.AddGeneratedSecret("basket-client-secret");
var identity = builder.AddService<Projects.Identity_Api>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__Buyer__Password", buyerPassword)
    .WithEnvironment("Identity__Admin__Password", adminPassword)
    .WithEnvironment("Identity__Storefront__Secret", storefrontSecret)
    .WithEnvironment("Identity__Basket__Secret", basketSecret)
    .WithExternalHttpEndpoints();
// One issuer for every token: the URL the other services are given for identity (services__identity__http__0).
identity.WithEnvironment("Identity__Issuer", identity.GetEndpoint("http"));
// Declared after the others so the published host ports keep their order (gateway 8080); wired to them here.
catalog.WithReference(identity);
ordering.WithReference(identity);
basket.WithReference(identity).WithEnvironment("Auth__ClientSecret", basketSecret);
gateway.WithReference(identity);
storefront.WithReference(identity).WithEnvironment("Auth__ClientSecret", storefrontSecret);
if (builder.ExecutionContext.IsRunMode)
{
    // The storefront's redirect URIs (/signin-oidc, /signout-callback-oidc) are registered under its own URL. Run
    // mode only: published, the endpoint reference would make identity and storefront depend on each other; a
    // deployment sets Identity__Issuer and Identity__Storefront__Url to its public URLs.
    identity.WithEnvironment("Identity__Storefront__Url", storefront.GetEndpoint("http"));
}



// One console line once every resource is healthy, with the time it took.
builder.AddStartupReport();

// Kill (SIGKILL), Pause (SIGSTOP) and Resume (SIGCONT) beside Aspire's own Stop/Start/Restart, on every resource.
builder.AddFaultCommands();

// Deployment targets (publish mode only; no-ops when running): Kubernetes (kustomize), Amazon ECS (CloudFormation), compose.
builder.AddKubernetesEnvironment("k8s");
builder.AddEcsEnvironment("ecs");
builder.AddComposeEnvironment("compose");

builder.Build().Run();
