using System.Data.Common;
using System.Net.Sockets;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The failures every service shares whatever its clients: a refused or reset connection, a timeout, a database
/// that says the error is transient. Consulted after the service's own classifiers, which can name the dependency.
/// </summary>
internal sealed class ConnectionFailureClassifier : IDependencyFailureClassifier
{
    public string? Classify(Exception exception) => exception switch
    {
        DbException { IsTransient: true } => "its database",
        SocketException or TimeoutException => "a backing store",
        _ => null,
    };
}
