using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns the framework's request-binding failures (malformed JSON, a non-numeric id, an oversized body)
/// into ProblemDetails that name the offending field. Without it minimal APIs answer such client
/// mistakes with an empty 400, or a 500 when a JSON exception escapes.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var missingBody = MissingBodyPattern().IsMatch(badRequest.Message);
        var field = missingBody ? "body" : FieldName(badRequest);
        var detail = status == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this endpoint accepts."
            : missingBody
                // The framework's text ("Implicit body inferred for parameter … Did you mean to use a Service")
                // speaks to the developer, not to the client that forgot the body.
                ? "A JSON request body is required."
                : badRequest.InnerException is JsonException json
                    // JsonException messages name our internal types; the path is what the client needs.
                    ? $"The JSON at '{json.Path ?? "$"}' is malformed or has the wrong type."
                    : badRequest.Message;

        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "The request is invalid",
            Detail = detail,
        };
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string FieldName(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 1 } path })
        {
            // "$.items[0].quantity" -> "items[0].quantity": the name a client recognises from its own payload.
            return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return "body";
        }

        // Binding messages quote the parameter as "Type name", e.g. Failed to bind parameter "int pageIndex" from "x".
        var match = ParameterPattern().Match(exception.Message);
        return match.Success ? match.Groups["name"].Value : "body";
    }

    [GeneratedRegex("parameter \"(?:[^\"]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();

    // RequestDelegateFactory's two messages for an absent body: an inferred body parameter ("… but no body was
    // provided") and an explicit [FromBody] one ("Required parameter … was not provided from body.").
    [GeneratedRegex("no body was provided|was not provided from body")]
    private static partial Regex MissingBodyPattern();
}
