namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>The symbolic form of a late-bound value in Aspire manifest syntax, e.g. <c>{pg.bindings.tcp.port}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
