namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Marks a test class that stops or restarts a backing store of the shared app. Its tests prove the app recovers,
/// but while they run the app is degraded on purpose, so <see cref="DisruptiveLastFramework"/> runs them after the others.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DisruptiveAttribute : Attribute;
