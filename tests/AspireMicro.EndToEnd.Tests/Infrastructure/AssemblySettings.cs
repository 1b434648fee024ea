using AspireMicro.EndToEnd.Tests.Infrastructure;

// Each collection runs a whole app (about 12 processes); two at once on two cores would only slow both down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Disruptive scenarios (store restarts) run after the others, on the same app.
[assembly: TestFramework(DisruptiveLastFramework.TypeName, DisruptiveLastFramework.AssemblyName)]
