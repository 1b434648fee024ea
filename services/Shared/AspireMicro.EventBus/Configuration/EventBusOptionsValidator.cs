using Microsoft.Extensions.Options;

namespace AspireMicro.EventBus.Configuration;

/// <summary>Checks what data annotations cannot: that the connection string is a usable AMQP URI.</summary>
internal sealed class EventBusOptionsValidator : IValidateOptions<EventBusOptions>
{
    public ValidateOptionsResult Validate(string? name, EventBusOptions options)
    {
        if (!Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var uri)
            || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            // Never echo the value: it carries the broker password.
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:messaging must be an amqp://user:pass@host:port URI.");
        }

        return ValidateOptionsResult.Success;
    }
}
