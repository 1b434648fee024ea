using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using AspireMicro.Testing;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

/// <summary>The identity service of the running app hands out tokens the other services can validate.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class IdentityTokenTests(AppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_seeded_buyer_gets_a_signed_unencrypted_JWT_for_the_API_issued_by_the_identity_service()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buyer = await fixture.Identity.SignInAsync("buyer", AppFixture.DemoBuyerPassword, timeout.Token);
        var jwt = JwtParts.Parse(buyer.AccessToken);
        var keys = await fixture.Identity.SigningKeysAsync(timeout.Token);
        var kid = jwt.Header.GetProperty("kid").GetString()!;

        var issuer = jwt.Payload.GetProperty("iss").GetString();
        output.WriteLine($"buyer token: alg {jwt.Header.GetProperty("alg")}, kid {kid}, iss {issuer}, aud {jwt.Payload.GetProperty("aud")}, sub {buyer.Subject}; JWKS keys {keys.Count}");
        Assert.Equal(fixture.App.GetEndpoint("identity", "http").ToString(), issuer);
        Assert.Contains("aspiremicro", Audiences(jwt));
        Assert.False(string.IsNullOrEmpty(buyer.Subject));
        Assert.True(keys.ContainsKey(kid), $"the token's key {kid} is not in the JWKS");
        Assert.True(jwt.VerifiesWith(keys[kid]), "the signature does not verify with the JWKS key");
        Assert.False(jwt.Payload.TryGetProperty("role", out _), "the buyer has no role");
    }

    [Fact]
    public async Task The_seeded_admin_token_carries_the_admin_role_and_registered_buyers_get_subjects_of_their_own()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var admin = await fixture.Identity.SignInAsync("admin", AppFixture.DemoAdminPassword, timeout.Token);
        var first = await fixture.Identity.NewBuyerAsync("e2e", timeout.Token);
        var second = await fixture.Identity.NewBuyerAsync("e2e", timeout.Token);

        var role = JwtParts.Parse(admin.AccessToken).Payload.GetProperty("role");
        output.WriteLine($"admin role claim {role}; registered {first} sub {first.Subject}, {second} sub {second.Subject}");
        Assert.Contains("admin", role.ValueKind == JsonValueKind.Array ? role.EnumerateArray().Select(r => r.GetString()) : [role.GetString()]);
        Assert.NotEqual(first.Subject, second.Subject);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await fixture.Identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = IdentityTestClient.TestClientId,
            ["client_secret"] = "not-the-secret",
            ["username"] = "buyer",
            ["password"] = AppFixture.DemoBuyerPassword,
        }, timeout.Token);
        using var wrongPassword = await fixture.Identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = IdentityTestClient.TestClientId,
            ["username"] = "buyer",
            ["password"] = "wrong",
        }, timeout.Token);

        output.WriteLine($"wrong client secret: {(int)response.StatusCode}; no client secret and a wrong password: {(int)wrongPassword.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(wrongPassword.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{wrongPassword.StatusCode}");
    }

    private static IEnumerable<string?> Audiences(JwtParts jwt) =>
        jwt.Payload.GetProperty("aud") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(a => a.GetString())
            : [jwt.Payload.GetProperty("aud").GetString()];
}
