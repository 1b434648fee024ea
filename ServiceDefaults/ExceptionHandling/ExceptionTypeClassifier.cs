namespace Microsoft.Extensions.Hosting;

/// <summary>Every <typeparamref name="TException"/> (or subclass) is a failure of the dependency it names.</summary>
internal sealed class ExceptionTypeClassifier<TException>(Func<TException, string> dependency) : IDependencyFailureClassifier
    where TException : Exception
{
    public string? Classify(Exception exception) => exception is TException match ? dependency(match) : null;
}
