using AspireMicro.Publishing.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Kubernetes;

public sealed class KubernetesOutput : PublishedOutput
{
    protected override string Target => "kubernetes";

    public IEnumerable<string> ObjectFiles => Directory.GetFiles(Path, "*.yaml").Select(System.IO.Path.GetFileName).Where(f => f != "kustomization.yaml")!;

    public List<YamlMappingNode> Documents(string file) => YamlDocuments.Load(Read(file));

    public YamlMappingNode Object(string file, string kind) => Documents(file).Single(d => d.Text("kind") == kind);
}
