using Aspire.Hosting;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>The <c>BackingStores</c> setting has a value other than auto, native or containers.</summary>
public sealed class BackingStoresConfigurationException(string message) : DistributedApplicationException(message);

/// <summary>
/// An AppHost run with <c>dotnet run</c> that fails on one of our setup errors (a wrong setting, a store not installed)
/// would print an unhandled exception with its stack trace; the user needs one line. Only these error types are
/// affected, and only when nothing handles them (a test framework does, so tests see the exception).
/// </summary>
internal static class StartupErrors
{
    private static int s_installed;

    public static void PrintOneLineWhenUnhandled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (Find(e.ExceptionObject as Exception) is { } error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                Environment.Exit(1);
            }
        };
    }

    private static Exception? Find(Exception? exception) => exception switch
    {
        BackingStoresConfigurationException or MissingNativeStoreException => exception,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Find(inner),
        _ => null,
    };
}
