using System.Runtime.CompilerServices;
using System.Text;

namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Builds <see cref="ReferenceExpression"/>s from interpolated strings or piece by piece.</summary>
public sealed class ReferenceExpressionBuilder
{
    private readonly StringBuilder _format = new();
    private readonly List<IValueProvider> _providers = [];

    public bool IsEmpty => _format.Length == 0;

    public void AppendLiteral(string? text) =>
        _format.Append(text?.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendValueProvider(IValueProvider provider)
    {
        if (provider is not IManifestExpressionProvider)
        {
            throw new ArgumentException("A late-bound value must also implement IManifestExpressionProvider so publishers can render it.", nameof(provider));
        }

        _format.Append('{').Append(_providers.Count).Append('}');
        _providers.Add(provider);
    }

    public ReferenceExpression Build() => ReferenceExpression.FromParts(_format.ToString(), [.. _providers]);

    [InterpolatedStringHandler]
    public readonly ref struct InterpolatedStringHandler
    {
        private readonly ReferenceExpressionBuilder _builder;

        public InterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _ = literalLength;
            _ = formattedCount;
            _builder = new ReferenceExpressionBuilder();
        }

        public void AppendLiteral(string value) => _builder.AppendLiteral(value);

        public void AppendFormatted(string? value) => _builder.AppendLiteral(value);

        public void AppendFormatted<T>(T value)
        {
            if (value is IValueProvider provider)
            {
                _builder.AppendValueProvider(provider);
            }
            else
            {
                _builder.AppendLiteral(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        internal ReferenceExpression Build() => _builder.Build();
    }
}
