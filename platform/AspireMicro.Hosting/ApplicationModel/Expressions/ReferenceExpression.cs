using System.Globalization;

namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// A string with late-bound holes, built with <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};…")</c>.
/// <see cref="Format"/> uses <c>{0}</c>, <c>{1}</c>… for the holes (literal braces doubled); <see cref="ValueProviders"/> fill them.
/// The orchestrator resolves it with <see cref="GetValueAsync"/>; publishers walk <see cref="ValueProviders"/> or use
/// <see cref="ValueExpression"/> (manifest syntax) to render it for their target.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private ReferenceExpression(string format, IReadOnlyList<IValueProvider> valueProviders)
    {
        Format = format;
        ValueProviders = valueProviders;
    }

    public string Format { get; }

    /// <summary>Each item is also an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<IValueProvider> ValueProviders { get; }

    public string ValueExpression => string.Format(
        CultureInfo.InvariantCulture, Format, [.. ValueProviders.Select(p => ((IManifestExpressionProvider)p).ValueExpression)]);

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ValueProviders[i].GetValueAsync(cancellationToken);
        }

        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public static ReferenceExpression Create(in ReferenceExpressionBuilder.InterpolatedStringHandler handler) => handler.Build();

    internal static ReferenceExpression FromParts(string format, IReadOnlyList<IValueProvider> providers) => new(format, providers);

    public override string ToString() => ValueExpression;
}
