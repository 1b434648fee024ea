using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Manifest;

public sealed class ManifestOutput : PublishedOutput
{
    protected override string Target => "manifest";
}
