using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Turns the app model into deployment artifacts for one target ("manifest", "kubernetes", "ecs", "compose").
/// Implementations in this assembly with a public parameterless constructor are registered automatically;
/// others register with <c>builder.Services.AddSingleton&lt;IDistributedApplicationPublisher, X&gt;()</c>.
/// </summary>
public interface IDistributedApplicationPublisher
{
    string Target { get; }

    Task PublishAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken);
}
