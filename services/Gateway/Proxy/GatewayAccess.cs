namespace Gateway.Proxy;

/// <summary>
/// Who may call what through the gateway, per backend: the gateway checks the token (JwtBearer against the identity
/// service) before it forwards anything, and the services check it again themselves.
/// </summary>
public static class GatewayAccess
{
    /// <summary>YARP's name for "no authorization, even if a default policy exists".</summary>
    public const string Anonymous = "anonymous";

    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    /// <param name="Suffix">Appended to the service's route id.</param>
    /// <param name="Methods">null: every method (the route with the lower <paramref name="Order"/> wins where both match).</param>
    public sealed record Rule(string Suffix, IReadOnlyList<string>? Methods, string? Policy, int Order);

    public static IReadOnlyList<Rule> For(string service) => service switch
    {
        // Browsing is public; changing the catalog needs an admin.
        "catalog" => [new("", Reads, Anonymous, 0), new("-write", null, TokenValidationExtensions.AdminPolicy, 1)],
        // The caller's own basket (the token's sub), nothing else.
        "basket" => [new("", null, TokenValidationExtensions.BuyerPolicy, 0)],
        // Reading the caller's own orders only: orders are created by basket's checkout, never through the gateway.
        "ordering" => [new("", Reads, TokenValidationExtensions.BuyerPolicy, 0)],
        // Aggregate, anonymous sales figures (read-only).
        _ => [new("", Reads, Anonymous, 0)],
    };
}
