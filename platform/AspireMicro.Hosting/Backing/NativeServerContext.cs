namespace AspireMicro.Hosting.Backing;

/// <summary>
/// Everything a recipe needs to run one server instance. <see cref="DataDirectory"/> belongs to the recipe entirely
/// (data, sockets, config, logs live below it); the orchestrator creates a fresh temp one per run unless
/// <see cref="PersistentData"/> is set, in which case it passes a stable path and the recipe reuses what it finds.
/// </summary>
public sealed record NativeServerContext(string InstanceName, string DataDirectory, int Port, string Password, bool PersistentData)
{
    /// <summary>Additional ports by name, e.g. "dist" for RabbitMQ; see <see cref="INativeServerRecipe.ExtraPortNames"/>.</summary>
    public IReadOnlyDictionary<string, int> ExtraPorts { get; init; } = new Dictionary<string, int>();
}
