using System.Net.Http.Headers;
using System.Text.Json;
using Basket.Api.Catalog;

namespace Basket.Api.Ordering;

/// <summary>
/// Basket's own access token for ordering: client credentials (client <c>basket</c>, secret <c>Auth:ClientSecret</c>,
/// scope <c>orders:create</c>) from the identity service's token endpoint ("http://identity" by service discovery),
/// cached until shortly before it expires. Identity being unreachable is a 503 like any other dependency.
/// </summary>
public sealed class ServiceTokenClient(IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider time)
{
    public const string HttpClientName = "identity";
    public const string ClientId = "basket";
    public const string Scope = "orders:create";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>
    /// The client the start-up warm-up uses: no fail-fast budget and no retries, one patient request instead, since
    /// identity may still be compiling its first token response (each timeout of the checkout's budget was an error).
    /// </summary>
    public const string WarmUpHttpClientName = "identity-warm-up";

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => GetTokenAsync(HttpClientName, cancellationToken);

    /// <summary>Gets the token ahead of the first checkout, through <see cref="WarmUpHttpClientName"/>.</summary>
    public Task<string> WarmUpAsync(CancellationToken cancellationToken) => GetTokenAsync(WarmUpHttpClientName, cancellationToken);

    private async Task<string> GetTokenAsync(string httpClientName, CancellationToken cancellationToken)
    {
        if (_current is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }

            var secret = configuration["Auth:ClientSecret"]
                ?? throw new InvalidOperationException("Auth:ClientSecret (basket's client secret at the identity service) is not set.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = secret,
                ["scope"] = Scope,
            });
            HttpResponseMessage response;
            try
            {
                response = await httpClients.CreateClient(httpClientName).PostAsync("/connect/token", form, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DependencyUnavailableException("identity", ex);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    // A refused secret is a configuration error, but to the caller it is the same: checkout cannot proceed now.
                    throw new DependencyUnavailableException("identity");
                }

                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var token = body.RootElement.GetProperty("access_token").GetString()!;
                var lifetime = TimeSpan.FromSeconds(body.RootElement.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300);
                _current = (token, time.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2));
                return token;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Puts the token on every request of the HttpClient it is added to (ordering's).</summary>
    public sealed class Handler(ServiceTokenClient tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
