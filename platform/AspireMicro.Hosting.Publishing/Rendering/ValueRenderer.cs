using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Rendering;

/// <summary>
/// Turns Aspire's unprocessed values (<see cref="EndpointReference"/>, <see cref="EndpointReferenceExpression"/>,
/// <see cref="ParameterResource"/>, <see cref="ConnectionStringReference"/>, <see cref="ReferenceExpression"/>) into
/// <see cref="ValuePart"/>s, by type, without ever asking a parameter for its value. The walk is shared; each target
/// only says how an endpoint is addressed and how a connection string differs there.
/// </summary>
public abstract class ValueRenderer
{
    public RenderedValue Render(object value)
    {
        var parts = new List<ValuePart>();
        Append(value, parts);
        return new RenderedValue(Merge(parts));
    }

    /// <summary>Every parameter a value depends on, found by the same walk (for targets that declare inputs).</summary>
    public static IEnumerable<ParameterResource> ParametersIn(object? value) => value switch
    {
        ParameterResource parameter => [parameter],
        ConnectionStringReference reference => ParametersIn(reference.Resource.ConnectionStringExpression),
        IResourceWithConnectionString resource => ParametersIn(resource.ConnectionStringExpression),
        ReferenceExpression { IsConditional: true } conditional => ParametersIn(conditional.WhenTrue).Concat(ParametersIn(conditional.WhenFalse)),
        ReferenceExpression expression => expression.ValueProviders.SelectMany(ParametersIn),
        _ when UnderlyingParameter(value) is { } parameter => [parameter],
        _ => [],
    };

    protected void Append(object? value, List<ValuePart> parts)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                parts.Add(new LiteralPart(text));
                break;
            case ParameterResource parameter:
                parts.Add(new ParameterPart(parameter));
                break;
            case ConnectionStringReference reference:
                AppendConnectionString(reference.Resource, parts);
                break;
            case IResourceWithConnectionString resource:
                AppendConnectionString(resource, parts);
                break;
            case ReferenceExpression { IsConditional: true } conditional:
                Append(EvaluateStatically(conditional) ? conditional.WhenTrue : conditional.WhenFalse, parts);
                break;
            case ReferenceExpression expression:
                AppendExpression(expression, parts);
                break;
            case EndpointReference endpoint:
                AppendEndpoint(endpoint.Resource, endpoint.EndpointAnnotation, EndpointProperty.Url, parts);
                break;
            case EndpointReferenceExpression property:
                AppendEndpoint(property.Endpoint.Resource, property.Endpoint.EndpointAnnotation, property.Property, parts);
                break;
            case IManifestExpressionProvider other when UnderlyingParameter(other) is { } parameter:
                // Aspire's "{x-uri-encoded}" view of a parameter: targets take it as the parameter itself (passwords are
                // generated from letters and digits, so encoding them changes nothing).
                parts.Add(new ParameterPart(parameter));
                break;
            case IManifestExpressionProvider other:
                throw new DistributedApplicationException($"Value '{other.ValueExpression}' ({other.GetType().Name}) cannot be rendered for deployment.");
            default:
                parts.Add(new LiteralPart(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    /// <summary>How this target writes a connection string; by default the model's own expression with each hole rendered.</summary>
    protected virtual void AppendConnectionString(IResourceWithConnectionString resource, List<ValuePart> parts) =>
        Append(resource.ConnectionStringExpression, parts);

    protected abstract void AppendEndpoint(IResource resource, EndpointAnnotation endpoint, EndpointProperty property, List<ValuePart> parts);

    /// <summary>Text of the properties that do not depend on where a resource runs.</summary>
    protected static string? Static(EndpointAnnotation endpoint, EndpointProperty property) => property switch
    {
        EndpointProperty.Scheme => endpoint.UriScheme,
        EndpointProperty.TlsEnabled => endpoint.TlsEnabled ? bool.TrueString : bool.FalseString,
        _ => null,
    };

    /// <summary>Conditions in publish mode are about the model (e.g. "is TLS enabled on this endpoint"), never about values.</summary>
    private static bool EvaluateStatically(ReferenceExpression conditional)
    {
        var condition = conditional.Condition switch
        {
            EndpointReferenceExpression { Property: EndpointProperty.TlsEnabled } tls => tls.Endpoint.EndpointAnnotation.TlsEnabled ? bool.TrueString : bool.FalseString,
            IManifestExpressionProvider other => throw new DistributedApplicationException($"Condition '{other.ValueExpression}' cannot be decided at publish time."),
            var other => throw new DistributedApplicationException($"Condition ({other?.GetType().Name}) cannot be decided at publish time."),
        };
        return string.Equals(condition, conditional.MatchValue, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A wrapper Aspire puts around a parameter (e.g. its URI-encoded form) exposes it through a property.</summary>
    private static ParameterResource? UnderlyingParameter(object? value) =>
        value is null or ParameterResource
            ? null
            : value.GetType().GetProperties().Where(p => p.PropertyType == typeof(ParameterResource) && p.GetIndexParameters().Length == 0)
                .Select(p => p.GetValue(value) as ParameterResource).FirstOrDefault(p => p is not null);

    private void AppendExpression(ReferenceExpression expression, List<ValuePart> parts)
    {
        // Format is a composite format string: {n} or {n:format} holes, literal braces doubled.
        var format = expression.Format;
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                var hole = format.AsSpan(i + 1, close - i - 1);
                var colon = hole.IndexOf(':');
                var index = int.Parse(colon < 0 ? hole : hole[..colon], CultureInfo.InvariantCulture);
                parts.Add(new LiteralPart(literal.ToString()));
                literal.Clear();
                Append(expression.ValueProviders[index], parts);
                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        parts.Add(new LiteralPart(literal.ToString()));
    }

    private static List<ValuePart> Merge(List<ValuePart> parts)
    {
        var merged = new List<ValuePart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart { Text.Length: 0 })
            {
                continue;
            }

            if (part is LiteralPart next && merged.Count > 0 && merged[^1] is LiteralPart previous)
            {
                merged[^1] = new LiteralPart(previous.Text + next.Text);
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }
}
