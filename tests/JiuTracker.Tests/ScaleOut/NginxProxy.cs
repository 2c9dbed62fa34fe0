using System.Diagnostics;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.ScaleOut;

/// <summary>
/// Debian's nginx in the foreground with a configuration, logs and pid file of its own in <paramref name="folder"/>:
/// round-robin over the given instances on 127.0.0.1. Every response names the instance that served it in
/// <c>X-Upstream</c>, and the access log lists them in order.
/// </summary>
public sealed class NginxProxy(string folder, IReadOnlyList<Uri> upstreams) : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    public const string UpstreamHeader = "X-Upstream";

    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string AccessLogPath => Path.Combine(folder, "access.log");

    public async Task StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"nginx is needed by the test of two instances behind a proxy and was not found at {Executable}: apt-get install -y nginx");
        }

        var configuration = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Configuration());
        _process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList = { "-p", folder, "-c", configuration, "-e", Path.Combine(folder, "error.log") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var probe = new HttpClient { BaseAddress = Address };
        for (var attempt = 0; attempt < 100 && !_process.HasExited; attempt++)
        {
            try
            {
                await probe.GetAsync("/health/live");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nginx did not start: {await _process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The "127.0.0.1:port" of the instance that served each request, in the order nginx served them.</summary>
    public IReadOnlyList<string> ServedBy() =>
        [.. File.ReadAllLines(AccessLogPath).Select(line => line.Split(' ')[^1])];

    private string Configuration() => $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 256; }
        http {
            log_format upstreams '$request_method $uri $status $upstream_addr';
            access_log {{folder}}/access.log upstreams;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            upstream jiutracker {
        {{string.Join("\n", upstreams.Select(u => $"        server {u.Authority};"))}}
            }
            server {
                listen 127.0.0.1:{{Port}};
                location / {
                    proxy_pass http://jiutracker;
                    proxy_buffering off;
                    proxy_set_header Host $host:$server_port;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header {{UpstreamHeader}} $upstream_addr always;
                }
            }
        }
        """;

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
