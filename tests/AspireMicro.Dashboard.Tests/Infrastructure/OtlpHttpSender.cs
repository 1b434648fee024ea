using System.Net.Http.Headers;
using Google.Protobuf;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>Posts OTLP/HTTP protobuf bodies the way an exporter does.</summary>
public static class OtlpHttpSender
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IMessage message, string? apiKey) =>
        await PostBytesAsync(client, url, message.ToByteArray(), apiKey);

    public static async Task<HttpResponseMessage> PostBytesAsync(HttpClient client, string url, byte[] body, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        return await client.SendAsync(request);
    }
}
