using System.Net;
using System.Net.Sockets;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Tests.Processes.TestApp;

namespace AspireMicro.Hosting.Tests.Networking;

public sealed class PortAllocatorTests : IDisposable
{
    // A private lock folder per test: the real one (/tmp/aspiremicro/ports) is shared with AppHosts running here.
    private readonly string _lockDirectory = Directory.CreateTempSubdirectory("aspiremicro-ports-").FullName;

    public void Dispose() => Directory.Delete(_lockDirectory, recursive: true);

    [Fact]
    public void Allocate_returns_distinct_loopback_ports_that_can_be_bound()
    {
        using var allocator = new PortAllocator(_lockDirectory);

        var ports = Enumerable.Range(0, 20).Select(_ => allocator.Allocate()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        });
    }

    [Fact]
    public void Reserve_of_a_port_with_a_listener_throws_PortInUseException_naming_the_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var allocator = new PortAllocator(_lockDirectory);

        var error = Assert.Throws<PortInUseException>(() => allocator.Reserve(port));

        Assert.Equal(port, error.Port);
        Assert.Contains($"Port {port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(port, allocator.HeldPorts);
    }

    [Fact]
    public void Reserve_of_a_port_held_by_another_allocator_throws_PortInUseException()
    {
        using var first = new PortAllocator(_lockDirectory);
        using var second = new PortAllocator(_lockDirectory);
        var port = first.Allocate();

        var error = Assert.Throws<PortInUseException>(() => second.Reserve(port));

        Assert.Contains("another AppHost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_twice_in_the_same_allocator_throws_PortInUseException()
    {
        using var allocator = new PortAllocator(_lockDirectory);
        var port = allocator.Allocate();

        Assert.Throws<PortInUseException>(() => allocator.Reserve(port));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Reserve_of_a_port_outside_the_tcp_range_throws(int port)
    {
        using var allocator = new PortAllocator(_lockDirectory);

        Assert.Throws<ArgumentOutOfRangeException>(() => allocator.Reserve(port));
    }

    [Fact]
    public void Released_port_can_be_reserved_by_another_allocator()
    {
        using var first = new PortAllocator(_lockDirectory);
        using var second = new PortAllocator(_lockDirectory);
        var port = first.Allocate();

        first.Release(port);
        second.Reserve(port);

        Assert.Contains(port, second.HeldPorts);
        Assert.DoesNotContain(port, first.HeldPorts);
    }

    [Fact]
    public void Disposing_releases_every_port_and_removes_the_lock_files()
    {
        var allocator = new PortAllocator(_lockDirectory);
        var ports = Enumerable.Range(0, 5).Select(_ => allocator.Allocate()).ToList();

        allocator.Dispose();

        Assert.Empty(Directory.GetFiles(_lockDirectory));
        using var next = new PortAllocator(_lockDirectory);
        ports.ForEach(next.Reserve);
    }

    [Fact]
    public async Task Concurrent_allocators_in_one_process_never_hand_out_the_same_port()
    {
        using var first = new PortAllocator(_lockDirectory);
        using var second = new PortAllocator(_lockDirectory);

        var results = await Task.WhenAll(
            Task.Run(() => Enumerable.Range(0, 200).Select(_ => first.Allocate()).ToList()),
            Task.Run(() => Enumerable.Range(0, 200).Select(_ => second.Allocate()).ToList()));

        Assert.Empty(results[0].Intersect(results[1]));
    }

    [Fact]
    public async Task Two_AppHost_processes_allocating_at_once_never_collide()
    {
        await using var one = await TestApp.StartAsync("hold-ports", "300", _lockDirectory);
        await using var two = await TestApp.StartAsync("hold-ports", "300", _lockDirectory);

        var first = Parse(await one.WaitForLineAsync("PORTS ", TimeSpan.FromSeconds(60)));
        var second = Parse(await two.WaitForLineAsync("PORTS ", TimeSpan.FromSeconds(60)));

        Assert.Equal(300, first.Count);
        Assert.Equal(300, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task Port_of_a_SIGKILLed_AppHost_can_be_reserved_again()
    {
        using var probe = new PortAllocator(_lockDirectory);
        var port = probe.Allocate();
        probe.Release(port);
        await using var app = await TestApp.StartAsync("reserve", $"{port}", _lockDirectory);
        await app.WaitForLineAsync("RESERVED", TimeSpan.FromSeconds(60));
        using var allocator = new PortAllocator(_lockDirectory);
        Assert.Throws<PortInUseException>(() => allocator.Reserve(port));

        app.SigKillAppOnly();
        await app.Process.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        // Its lock file is still there, but the kernel dropped its lock with the process.
        Assert.True(File.Exists(Path.Combine(_lockDirectory, $"{port}.lock")));
        allocator.Reserve(port);
        Assert.Contains(port, allocator.HeldPorts);
    }

    private static List<int> Parse(string line) =>
        [.. line["PORTS ".Length..].Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
}
