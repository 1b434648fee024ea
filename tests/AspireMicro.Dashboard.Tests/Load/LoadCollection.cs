namespace AspireMicro.Dashboard.Tests.Load;

/// <summary>Load tests run alone: on a 2-core machine parallel tests would distort the figures and each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "load";
}
