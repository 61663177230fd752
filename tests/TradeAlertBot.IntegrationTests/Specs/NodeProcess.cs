using System.Collections.Concurrent;
using System.Diagnostics;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// One bot node as its own process (<c>dotnet TradeAlertBot.dll</c>, settings as environment variables), so that it
/// can be killed hard — no graceful shutdown, no finally blocks, connections dropped by the OS — as a crashed or
/// evicted node dies. Its output is kept to explain a failure.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>Starts the host built beside these tests, on a free loopback port.</summary>
    public static NodeProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var host = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { host, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = Path.GetDirectoryName(host)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new NodeProcess(name, process);
        process.OutputDataReceived += (_, e) => node.Record(e.Data);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data);
        process.Exited += (_, _) => node._listening.TrySetException(new InvalidOperationException($"{name} exited:\n{node.Output}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>Waits until the node has migrated, seeded, registered its jobs and listens.</summary>
    public async Task ListeningAsync(TimeSpan patience)
    {
        try
        {
            await _listening.Task.WaitAsync(patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Name} did not start within {patience}:\n{Output}", e);
        }
    }

    /// <summary>SIGKILL: the process ends where it stands.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        if (line.Contains("Now listening on:", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
