using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class DependencyFailureServiceCollectionExtensions
{
    /// <summary>
    /// A <typeparamref name="TException"/> escaping a request (directly or as an inner exception) means
    /// <paramref name="dependency"/> is unavailable: answer 503 with Retry-After, not 500.
    /// </summary>
    public static IServiceCollection AddDependencyFailure<TException>(this IServiceCollection services, string dependency)
        where TException : Exception =>
        services.AddDependencyFailure<TException>(_ => dependency);

    /// <summary>As above, for exceptions that carry the name of what failed (e.g. which downstream service).</summary>
    public static IServiceCollection AddDependencyFailure<TException>(this IServiceCollection services, Func<TException, string> dependency)
        where TException : Exception
    {
        services.AddDependencyUnavailableHandler();
        services.AddSingleton<IDependencyFailureClassifier>(new ExceptionTypeClassifier<TException>(dependency));
        return services;
    }

    /// <summary>The 503 handler alone: connection failures and transient database errors, whatever else is registered.</summary>
    public static IServiceCollection AddDependencyUnavailableHandler(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // TryAdd: AddApiProblemDetails and every AddDependencyFailure call ask for it; one instance must answer.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, DependencyUnavailableExceptionHandler>());
        return services;
    }
}
