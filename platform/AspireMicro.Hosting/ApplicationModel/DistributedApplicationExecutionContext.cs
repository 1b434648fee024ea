namespace AspireMicro.Hosting.ApplicationModel;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}

/// <summary>Lets callbacks behave differently when running locally versus generating deployment artifacts.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation, string? publisherTarget = null)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public string? PublisherTarget { get; } = publisherTarget;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
