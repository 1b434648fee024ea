using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.ResourceService;

/// <summary>Every call needs <c>x-resource-service-api-key</c>: resource state includes secrets such as connection strings.</summary>
internal sealed class ApiKeyEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = context.HttpContext.RequestServices.GetRequiredService<ResourceServiceApiKey>().Value;
        var given = context.HttpContext.Request.Headers[ResourceServiceHost.ApiKeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"Send the resource service API key in the '{ResourceServiceHost.ApiKeyHeader}' header.");
        }

        return await next(context);
    }
}
