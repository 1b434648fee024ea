using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Rendering;

/// <summary>A value flattened into parts, ready for a target to join with its own escaping.</summary>
public sealed record RenderedValue(IReadOnlyList<ValuePart> Parts)
{
    public IEnumerable<ParameterResource> Parameters => Parts.OfType<ParameterPart>().Select(p => p.Parameter).Distinct();

    public bool HasParameters => Parts.Any(p => p is ParameterPart);

    public bool HasTokens => Parts.Any(p => p is TokenPart);

    public string Join(Func<ValuePart, string> render)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(render(part));
        }

        return text.ToString();
    }
}
