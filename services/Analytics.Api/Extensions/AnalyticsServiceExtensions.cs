using System.Text.Json.Serialization;
using Analytics.Api.Projections;
using Analytics.Api.Streaming;
using AspireMicro.EventBus.Configuration;

namespace Analytics.Api.Extensions;

public static class AnalyticsServiceExtensions
{
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOptions<StreamOptions>()
            .Bind(builder.Configuration.GetSection(StreamOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SalesProjection>();

        // Only the connection and its health check: analytics reads the stream, not a service queue.
        builder.AddEventBus("analytics");
        builder.Services.AddHostedService<OrderEventStreamConsumer>();
        return builder;
    }
}
