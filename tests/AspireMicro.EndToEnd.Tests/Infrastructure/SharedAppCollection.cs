namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every scenario shares one running app. Those that stop or restart a backing store are marked
/// <see cref="DisruptiveAttribute"/> and run last (<see cref="DisruptiveLastFramework"/>); the others leave the app
/// as they found it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Shared app";
}
