using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Each API's OpenAPI document (Microsoft.AspNetCore.OpenApi), served at <see cref="DocumentPath"/> and through the
/// gateway at <c>/openapi/{service}.json</c>, where Scalar lists them all.
/// </summary>
public static class ApiDocumentExtensions
{
    /// <summary>Where each service serves its document; the gateway forwards <c>/openapi/{service}.json</c> here.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    public static TBuilder AddApiDocument<TBuilder>(this TBuilder builder, string title, string description)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
            // The generator names the address the request came in on: a replica's own port behind the gateway. With no
            // servers listed, clients (Scalar included) call the origin they read the document from: the gateway.
            document.Servers = [];
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Maps the document. Only what is described with the API's endpoints is in it; health endpoints are not.</summary>
    public static IEndpointConventionBuilder MapApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal));
}
