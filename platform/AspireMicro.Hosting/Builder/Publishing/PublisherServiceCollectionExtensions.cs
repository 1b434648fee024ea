using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.Publishing;

public static class PublisherServiceCollectionExtensions
{
    /// <summary>
    /// Registers every publisher shipped in this assembly. Discovered rather than listed so the publishers
    /// can be added without touching the builder.
    /// </summary>
    public static IServiceCollection AddBuiltInPublishers(this IServiceCollection services)
    {
        var publishers = typeof(IDistributedApplicationPublisher).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && typeof(IDistributedApplicationPublisher).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in publishers)
        {
            services.AddSingleton(typeof(IDistributedApplicationPublisher), type);
        }

        return services;
    }
}
