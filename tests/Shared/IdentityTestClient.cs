using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AspireMicro.Testing;

/// <summary>
/// Gets real tokens from the real identity service the way a test can: users register through its HTML form (with
/// the antiforgery token, as a browser would), then a token comes from the password grant of the test client, which
/// the identity service registers (and allows that grant at all) only when the test fixture configures
/// <c>Identity:Test:Secret</c>. Why the password grant: a test needs tokens for dozens of fresh buyers without a
/// browser; the storefront itself uses the code flow, which the browser walk covers.
/// </summary>
public sealed partial class IdentityTestClient(Uri identity, string testClientSecret) : IDisposable
{
    public const string TestClientId = "test-client";
    public const string ShortLivedTestClientId = "test-client-short";
    public const string ApiScopes = "api profile roles";

    /// <summary>Satisfies the identity service's password rules (8+ characters, digit, upper and lower case).</summary>
    public const string BuyerPassword = "Buyer-pass-2026";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = identity, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Identity => identity;

    /// <summary>A new buyer: registered through the sign-up form, then a token for the API.</summary>
    public async Task<TestUser> NewBuyerAsync(string prefix = "buyer", CancellationToken ct = default)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
        await RegisterAsync(name, BuyerPassword, ct);
        return await SignInAsync(name, BuyerPassword, ct);
    }

    /// <summary>A token for an existing user (a seeded demo user, a registered buyer).</summary>
    public async Task<TestUser> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        var token = await PasswordTokenAsync(userName, password, ApiScopes, TestClientId, ct);
        return new TestUser(userName, JwtParts.Parse(token).Payload.GetProperty("sub").GetString()!, token);
    }

    public async Task RegisterAsync(string userName, string password, CancellationToken ct = default)
    {
        // A client of its own per registration: the antiforgery cookie and the sign-in cookie stay with it.
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = identity,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var page = await browser.GetStringAsync("/account/register", ct);
        var antiforgery = AntiforgeryField().Match(page);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException($"No antiforgery field on the registration page: {page[..Math.Min(page.Length, 300)]}");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(antiforgery.Groups["name"].Value)] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        });
        using var response = await browser.PostAsync("/account/register", form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registering {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    public async Task<string> PasswordTokenAsync(string userName, string password, string scope, string clientId = TestClientId, CancellationToken ct = default)
    {
        using var response = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["client_secret"] = testClientSecret,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = scope,
        }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode} for {userName}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The raw answer of the token endpoint, for tests of refusals.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct = default) =>
        _http.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);

    /// <summary>The discovery document's JWKS, as RSA public keys by key id.</summary>
    public async Task<IReadOnlyDictionary<string, RSA>> SigningKeysAsync(CancellationToken ct = default)
    {
        var discovery = await _http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Json, ct);
        var jwks = await _http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString(), Json, ct);
        var keys = new Dictionary<string, RSA>();
        foreach (var key in jwks.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("kty").GetString() == "RSA"))
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars(key.GetProperty("n").GetString()!),
                Exponent = Base64Url.DecodeFromChars(key.GetProperty("e").GetString()!),
            });
            keys[key.GetProperty("kid").GetString()!] = rsa;
        }

        return keys;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A signed-in user as the API sees it: the token's <c>sub</c> is the buyer id.</summary>
public sealed record TestUser(string UserName, string Subject, string AccessToken)
{
    public override string ToString() => UserName;
}

/// <summary>A compact JWS split into its parts (an encrypted JWT, a JWE, has five parts and is refused).</summary>
public sealed record JwtParts(JsonElement Header, JsonElement Payload, byte[] SignedData, byte[] Signature)
{
    public static JwtParts Parse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException($"Not a signed JWT (JWS compact form has 3 parts, this has {parts.Length}).");
        }

        return new JwtParts(
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone(),
            JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone(),
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            Base64Url.DecodeFromChars(parts[2]));
    }

    public bool VerifiesWith(RSA key) => Header.GetProperty("alg").GetString() == "RS256"
        && key.VerifyData(SignedData, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
