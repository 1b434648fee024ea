using AspireMicro.Publishing.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Compose;

public sealed class ComposeOutput : PublishedOutput
{
    protected override string Target => "compose";

    public YamlMappingNode Services => (YamlMappingNode)YamlDocuments.Load(Read("docker-compose.yaml")).Single().At("services")!;
}
