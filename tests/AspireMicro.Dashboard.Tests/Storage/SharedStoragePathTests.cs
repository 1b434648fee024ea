using System.Net;
using AspireMicro.Dashboard.Tests.Infrastructure;

namespace AspireMicro.Dashboard.Tests.Storage;

/// <summary>
/// Two AppHosts from one checkout give their dashboards the same DASHBOARD__STORAGE__PATH; the folder's lock
/// keeps their journals apart.
/// </summary>
public sealed class SharedStoragePathTests
{
    private const string JournalFile = "telemetry.jsonl";

    [Fact]
    public async Task Second_dashboard_on_a_held_storage_path_persists_to_its_own_folder_and_leaves_the_first_journal_alone()
    {
        using var storage = new TempDirectory();
        var alternative = storage.Path + "-2";
        try
        {
            var settings = new DashboardSettings { StoragePath = storage.Path };
            await using (var first = await DashboardProcess.StartAsync(settings))
            await using (var second = await DashboardProcess.StartAsync(settings))
            {
                await Eventually.ReturnsAsync(() => Task.FromResult(second.Output), o => o.Contains($"persists to {alternative}", StringComparison.Ordinal), "the second dashboard's log line naming its own folder");
                Assert.DoesNotContain("in use by another dashboard", first.Output, StringComparison.Ordinal);

                await SendLogAsync(first, "first-app");
                await SendLogAsync(second, "second-app");
                await first.StopAsync();
                await second.StopAsync();
            }

            var firstJournal = await File.ReadAllTextAsync(Path.Combine(storage.Path, JournalFile));
            var secondJournal = await File.ReadAllTextAsync(Path.Combine(alternative, JournalFile));
            Assert.Contains("first-app", firstJournal, StringComparison.Ordinal);
            Assert.DoesNotContain("second-app", firstJournal, StringComparison.Ordinal);
            Assert.Contains("second-app", secondJournal, StringComparison.Ordinal);
            Assert.DoesNotContain("first-app", secondJournal, StringComparison.Ordinal);

            // Once both are gone the lock is free again: the next dashboard gets the original folder and its history.
            await using var restarted = await DashboardProcess.StartAsync(settings);
            var api = new DashboardApi(await restarted.CreateLoggedInClientAsync());
            await api.WaitUntilRestoredAsync();
            Assert.Equal(1, DashboardApi.Total(await api.LogsAsync("service=first-app")));
            Assert.Equal(0, DashboardApi.Total(await api.LogsAsync("service=second-app")));
            Assert.DoesNotContain("in use by another dashboard", restarted.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(alternative))
            {
                Directory.Delete(alternative, recursive: true);
            }
        }
    }

    private static async Task SendLogAsync(DashboardProcess dashboard, string service)
    {
        using var client = new HttpClient();
        using var response = await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/logs", OtlpPayloads.Logs(service, $"written by {service}"), dashboard.Settings.ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        await Eventually.ReturnsAsync(() => api.LogsAsync($"service={service}"), p => DashboardApi.Total(p) == 1, $"{service}'s log in its dashboard");
    }
}
