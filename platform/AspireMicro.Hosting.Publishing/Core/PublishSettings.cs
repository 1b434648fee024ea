using System.Text.RegularExpressions;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Target options beyond the output path: where project images live and which host names the ingress answers.
/// Read from the AppHost's configuration, so <c>--registry R --tag T --domain D</c> on the command line (or
/// <c>registry</c>/<c>tag</c>/<c>domain</c> in any configuration source) work as before; an environment's own
/// <c>WithRegistry/WithImageTag/WithDomain</c> wins over configuration. Validated before anything is generated, so a
/// typo fails with the option named instead of producing unusable artifacts.
/// </summary>
public sealed partial record PublishSettings(string Registry, string Tag, string Domain)
{
    /// <summary>A local registry (<c>docker run -d -p 5000:5000 registry:2</c>), so the defaults work on a dev box or kind.</summary>
    public const string DefaultRegistry = "localhost:5000";

    public const string DefaultTag = "latest";

    /// <summary>*.localtest.me resolves to 127.0.0.1, so ingress host rules work on a local cluster without DNS set-up.</summary>
    public const string DefaultDomain = "localtest.me";

    public const string RegistryKey = "registry";
    public const string TagKey = "tag";
    public const string DomainKey = "domain";

    public static PublishSettings Default { get; } = new(DefaultRegistry, DefaultTag, DefaultDomain);

    /// <summary>Explicit values first, then configuration, then the defaults.</summary>
    public static PublishSettings Resolve(IConfiguration configuration, string? registry, string? tag, string? domain) =>
        new(
            registry ?? configuration[RegistryKey] ?? DefaultRegistry,
            tag ?? configuration[TagKey] ?? DefaultTag,
            domain ?? configuration[DomainKey] ?? DefaultDomain);

    public string ImageFor(string resourceName) => $"{Registry}/{resourceName.ToLowerInvariant()}:{Tag}";

    public PublishSettings Validate()
    {
        if (!RegistryPattern().IsMatch(Registry))
        {
            throw new DistributedApplicationException($"--registry '{Registry}' is not a valid image registry (e.g. localhost:5000 or ghcr.io/org).");
        }

        if (!TagPattern().IsMatch(Tag))
        {
            throw new DistributedApplicationException($"--tag '{Tag}' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128).");
        }

        if (!DomainPattern().IsMatch(Domain))
        {
            throw new DistributedApplicationException($"--domain '{Domain}' is not a valid DNS domain.");
        }

        return this;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex DomainPattern();
}
