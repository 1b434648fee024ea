using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;
using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>
/// Splits a container's environment: plain values go to a ConfigMap (envFrom); values that contain a parameter
/// become <c>env</c> entries using Kubernetes' <c>$(VAR)</c> expansion over secretKeyRef variables declared first,
/// so a connection string is assembled in the pod and its password never appears in YAML.
/// </summary>
internal sealed class KubernetesEnvironment
{
    private readonly SortedDictionary<string, ParameterResource> _parameters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ParameterResource> _direct = new(StringComparer.Ordinal);
    private readonly List<V1EnvVar> _composed = [];

    public SortedDictionary<string, string> Plain { get; } = new(StringComparer.Ordinal);

    public void Add(string name, RenderedValue value)
    {
        if (!value.HasParameters)
        {
            Plain[name] = value.Join(p => p is LiteralPart literal ? literal.Text : ((TokenPart)p).Text);
            return;
        }

        if (value.Parts is [ParameterPart only])
        {
            // The whole value is a parameter: read it straight from the Secret.
            _direct[name] = only.Parameter;
            return;
        }

        _composed.Add(new V1EnvVar { Name = name, Value = Expand(value) });
    }

    /// <summary>Text for env values and args: literals with '$' escaped, parameters as $(VAR).</summary>
    public string Expand(RenderedValue value)
    {
        foreach (var parameter in value.Parameters)
        {
            _parameters[KubernetesNames.EnvOf(parameter)] = parameter;
        }

        return value.Join(part => part switch
        {
            LiteralPart literal => literal.Text.Replace("$", "$$", StringComparison.Ordinal),
            ParameterPart parameter => $"$({KubernetesNames.EnvOf(parameter.Parameter)})",
            TokenPart token => token.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        });
    }

    /// <summary>
    /// Secret references first (expansion only sees variables defined earlier), then the composed values by name.
    /// A variable the app itself sets to exactly the parameter doubles as the reference (no duplicate names).
    /// </summary>
    public List<V1EnvVar> EnvVars()
    {
        var secrets = new SortedDictionary<string, ParameterResource>(_direct, StringComparer.Ordinal);
        foreach (var (name, parameter) in _parameters)
        {
            if (secrets.TryGetValue(name, out var existing) && !ReferenceEquals(existing, parameter))
            {
                throw new DistributedApplicationException(
                    $"Environment variable '{name}' is set to parameter '{existing.Name}', but target 'kubernetes' also needs that name for parameter '{parameter.Name}'.");
            }

            secrets[name] = parameter;
        }

        if (_composed.FirstOrDefault(c => secrets.ContainsKey(c.Name)) is { } clash)
        {
            throw new DistributedApplicationException($"Environment variable '{clash.Name}' clashes with the variable target 'kubernetes' reads parameter '{secrets[clash.Name].Name}' into.");
        }

        return
        [
            .. secrets.Select(p => SecretEnv(p.Key, p.Value)),
            .. _composed.OrderBy(e => e.Name, StringComparer.Ordinal),
        ];
    }

    public static V1EnvVar SecretEnv(string name, ParameterResource parameter) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource
        {
            SecretKeyRef = new V1SecretKeySelector { Name = KubernetesNames.ParametersSecret, Key = parameter.Name },
        },
    };
}
