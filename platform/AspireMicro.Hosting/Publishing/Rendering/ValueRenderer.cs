using System.Globalization;
using System.Text;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Rendering;

/// <summary>
/// Turns late-bound model values (connection strings, endpoint references, parameters) into <see cref="ValuePart"/>s.
/// The walk is shared; each target only says how an endpoint is addressed and how a connection string differs there.
/// </summary>
public abstract class ValueRenderer
{
    public RenderedValue Render(object value)
    {
        var parts = new List<ValuePart>();
        Append(value, parts);
        return new RenderedValue(Merge(parts));
    }

    protected void Append(object value, List<ValuePart> parts)
    {
        switch (value)
        {
            case string text:
                parts.Add(new LiteralPart(text));
                break;
            case ParameterResource parameter:
                parts.Add(new ParameterPart(parameter));
                break;
            case ConnectionStringReference reference:
                AppendConnectionString(reference.Resource, parts);
                break;
            case ReferenceExpression expression:
                AppendExpression(expression, parts);
                break;
            case EndpointReference endpoint:
                AppendEndpoint(endpoint.Resource, endpoint.Annotation, EndpointProperty.Url, parts);
                break;
            case EndpointReferenceExpression property:
                AppendEndpoint(property.Endpoint.Resource, property.Endpoint.Annotation, property.Property, parts);
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
        AppendExpression(resource.ConnectionStringExpression, parts);

    protected abstract void AppendEndpoint(IResource resource, EndpointAnnotation endpoint, EndpointProperty property, List<ValuePart> parts);

    private void AppendExpression(ReferenceExpression expression, List<ValuePart> parts)
    {
        // Format is a composite format string: {n} holes, literal braces doubled.
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
                var index = int.Parse(format.AsSpan(i + 1, close - i - 1), CultureInfo.InvariantCulture);
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
