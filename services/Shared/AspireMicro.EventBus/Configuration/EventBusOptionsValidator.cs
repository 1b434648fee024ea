using Microsoft.Extensions.Options;

namespace AspireMicro.EventBus.Configuration;

/// <summary>Checks what data annotations cannot: a usable AMQP URI, and a prefetch that feeds every handler slot.</summary>
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

        if (options.PrefetchCount < options.ConsumerConcurrency)
        {
            // Fewer deliveries in hand than handler slots would leave the extra slots idle forever.
            return ValidateOptionsResult.Fail(
                $"EventBus:PrefetchCount ({options.PrefetchCount}) must be at least EventBus:ConsumerConcurrency ({options.ConsumerConcurrency}).");
        }

        return ValidateOptionsResult.Success;
    }
}
