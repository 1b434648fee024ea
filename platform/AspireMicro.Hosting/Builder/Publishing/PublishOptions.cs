using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <param name="OutputDirectory">Absolute folder the artifacts go to (created by the CLI).</param>
/// <param name="ExecutionContext">Publish-mode context, to run environment callbacks with.</param>
public sealed record PublishOptions(string Target, string OutputDirectory, DistributedApplicationExecutionContext ExecutionContext);
