using System.Text;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

/// <summary>Generated malformed and hostile requests: broken JSON, wrong types, out-of-range numbers, injection strings, huge bodies, odd routes.</summary>
public static class HostileRequests
{
    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "[]", "\"text\"", "42", "{\"productId\":", "{'productId':1}",
        "{\"productId\":-1,\"quantity\":1}", "{\"productId\":1,\"quantity\":-5}", "{\"productId\":1,\"quantity\":0}",
        "{\"productId\":1,\"quantity\":2147483648}", "{\"productId\":1e400,\"quantity\":1}", "{\"productId\":1.5,\"quantity\":1}",
        "{\"productId\":\"1; DROP TABLE catalog_items;--\",\"quantity\":1}", "{\"productId\":null,\"quantity\":null}",
        "{\"price\":-1}", "{\"price\":1e30}", "{\"price\":\"free\"}", "{\"availableStock\":-3}",
        "{\"buyerId\":\"' OR 1=1 --\",\"items\":[{\"productId\":1,\"quantity\":-1}]}", "{\"buyerId\":null,\"items\":null}",
        "{\"items\":[null]}", "{\"items\":{}}", "{\"buyerId\":\"<script>alert(1)</script>\",\"items\":[]}",
        new string('[', 5000) + new string(']', 5000), "{\"a\":" + new string('{', 300) + new string('}', 300) + "}",
        "\u0000\u0001\u0002", "{\"productId\":1,\"quantity\":1,\"productId\":-1}",
    ];

    private static readonly string[] HostileText =
    [
        "' OR '1'='1", "1; DROP TABLE orders;--", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x}",
        "{{7*7}}", new string('a', 5000), "😀🔥", "-1", "99999999999999999999", "NaN", "%", "_", "\\",
    ];

    /// <summary>Every request as <paramref name="bearer"/> (a signed-in buyer, so validation is reached, not just the 401).</summary>
    public static IEnumerable<Func<HttpRequestMessage>> All(string bearer) =>
        Unsigned().Select(build => (Func<HttpRequestMessage>)(() =>
        {
            var request = build();
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            return request;
        }));

    private static IEnumerable<Func<HttpRequestMessage>> Unsigned()
    {
        var bodyTargets = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/api/basket/items"),
            (HttpMethod.Put, "/api/basket"),
            (HttpMethod.Put, "/api/catalog/items/1"),
            (HttpMethod.Post, "/api/orders/"),
            (HttpMethod.Post, "/api/basket/checkout"),
        };
        foreach (var (method, path) in bodyTargets)
        {
            foreach (var body in Bodies)
            {
                yield return () => WithBody(method, path, body, "application/json");
            }

            yield return () => WithBody(method, path, "{\"productId\":1,\"quantity\":1}", "text/plain");
            yield return () => WithBody(method, path, "<xml/>", "application/xml");
            // Over the gateway's 1 MiB limit: must be refused with 413, not buffered.
            yield return () => WithBody(method, path, "{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", "application/json");
        }

        foreach (var text in HostileText)
        {
            var escaped = Uri.EscapeDataString(text);
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items?q={escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items?pageIndex={escaped}&pageSize={escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items/{escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items/by-ids?ids={escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/basket/{escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Delete, $"/api/basket/items/{escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/orders?buyerId={escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/analytics/summary?from={escaped}");
            yield return () => new HttpRequestMessage(HttpMethod.Get, $"/api/{escaped}/unknown");
            if (text.All(char.IsAscii))
            {
                yield return () => WithHeader("/api/orders/", "Idempotency-Key", text);
            }
        }

        foreach (var path in new[] { "/", "/api", "/api/", "/api/unknown", "/admin", "/.env", "/api/catalog/items/1/../../../../etc/passwd", "/api/catalog/items?pageSize=-1", "/api/catalog/items?pageSize=100000", "/api/catalog/items?pageIndex=-1", "/api/catalog/items/by-ids", "/api/catalog/items/by-ids?ids=-1&ids=0", "/api/catalog/items/-1", "/api/catalog/items/2147483648" })
        {
            yield return () => new HttpRequestMessage(HttpMethod.Get, path);
        }

        foreach (var method in new[] { HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options, new HttpMethod("PROPFIND") })
        {
            yield return () => new HttpRequestMessage(method, "/api/catalog/items");
            yield return () => new HttpRequestMessage(method, "/api/orders/");
        }
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "sweep-" + Guid.NewGuid().ToString("N"));
        // The gateway refuses an oversized body without reading it and drops the connection; a pooled connection
        // must not carry the next request into that close.
        request.Headers.ConnectionClose = body.Length > 1024 * 1024;
        return request;
    }

    private static HttpRequestMessage WithHeader(string path, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}
