namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Scenarios that leave the app as they found it share one running app.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Shared app";
}
