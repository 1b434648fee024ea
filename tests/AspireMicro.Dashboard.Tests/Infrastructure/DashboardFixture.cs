namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>One dashboard process shared by a test class; tests keep apart by using their own service names.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardProcess Dashboard { get; private set; } = null!;

    public DashboardApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dashboard = await DashboardProcess.StartAsync(new DashboardSettings());
        Api = new DashboardApi(await Dashboard.CreateLoggedInClientAsync());
    }

    public async Task DisposeAsync()
    {
        Api.Client.Dispose();
        await Dashboard.DisposeAsync();
    }
}
