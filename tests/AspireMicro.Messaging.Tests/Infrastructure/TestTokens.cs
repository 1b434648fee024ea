using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// These tests run ordering alone, without the identity service: ordering's JwtBearer is told to trust a key of the
/// test's own (<see cref="Trust"/>, applied by <see cref="ServiceFactory{TEntryPoint}"/>), and the tests sign tokens
/// shaped like the identity service's: basket's client-credentials token (scope orders:create) to create orders, a
/// buyer's (scope api, sub = buyer id) to read them. Validation itself (signature, issuer, audience, lifetime, policies)
/// is ordering's real code; the app-level tests use the real identity service.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.messaging-tests/";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "messaging-tests" };
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>What basket sends with POST /api/orders.</summary>
    public static string Basket() => Mint("basket", "orders:create");

    /// <summary>A signed-in buyer's token for the API.</summary>
    public static string Buyer(string buyerId) => Mint(buyerId, "api profile roles");

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> GetAsBuyerAsync(this HttpClient client, string buyerId, string path, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).WithBearer(Buyer(buyerId)), completion);

    public static async Task<T?> GetFromJsonAsBuyerAsync<T>(this HttpClient client, string buyerId, string path)
    {
        using var response = await client.GetAsBuyerAsync(buyerId, path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>();
    }

    public static void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.IssuerSigningKey = Key;
        });

    private static string Mint(string subject, string scope) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "aspiremicro",
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", scope)]),
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });
}
