namespace AspireMicro.EndToEnd.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RestartAppCollection : ICollectionFixture<RestartAppFixture>
{
    public const string Name = "Backing store restarts";
}
