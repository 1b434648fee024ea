namespace AspireMicro.Api.Tests.Basket;

internal static class SuccessAssertions
{
    /// <summary>
    /// EnsureSuccessStatusCode that shows the body on failure: a basket 503 names the dependency that was
    /// unavailable, which is what a failed run needs to say.
    /// </summary>
    public static async Task<HttpResponseMessage> AssertSuccessAsync(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
