using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using JiuTracker.Web.Email;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JiuTracker.TestSupport;

/// <summary>
/// A real SMTP server inside the test process, listening on 127.0.0.1, that keeps every message it accepts. To
/// simulate "the server is down, then back": <see cref="StopAsync"/> closes the listening socket (a client is refused),
/// <see cref="StartAgain"/> listens again on the same port; what was received before is kept.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly SmtpSecurity _security;
    private readonly X509Certificate2? _certificate;
    private readonly List<MimeMessage> _received = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _arrived = NewSignal();
    private Running? _running;

    private LoopbackSmtpServer(int port, SmtpSecurity security, X509Certificate2? certificate)
    {
        Port = port;
        _security = security;
        _certificate = certificate;
    }

    public int Port { get; }

    /// <summary>The messages accepted so far, in order; a copy, safe to read while more arrive.</summary>
    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>A plain server (no TLS offered) on <paramref name="port"/>, or on a free port; listening when it returns.</summary>
    public static LoopbackSmtpServer Start(int? port = null) => Start(SmtpSecurity.None, null, port);

    /// <summary>
    /// A server that offers STARTTLS (<see cref="SmtpSecurity.StartTls"/>) or speaks TLS from the first byte
    /// (<see cref="SmtpSecurity.SslOnConnect"/>) with <paramref name="certificate"/>, which must carry its private key.
    /// </summary>
    public static LoopbackSmtpServer Start(SmtpSecurity security, X509Certificate2? certificate, int? port = null)
    {
        if (security != SmtpSecurity.None && certificate is null)
        {
            throw new ArgumentException($"A server with {security} needs a certificate.", nameof(certificate));
        }

        var server = new LoopbackSmtpServer(port ?? LoopbackPort.Free(), security, certificate);
        server.StartAgain();
        return server;
    }

    /// <summary>Listens again on <see cref="Port"/> after <see cref="StopAsync"/>; returns once the port accepts connections.</summary>
    public void StartAgain()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException($"The SMTP server on port {Port} is already running.");
        }

        _running = Running.Start(Options(), new Store(this));
    }

    /// <summary>Ends open sessions and closes the listening socket; returns once a connection to the port is refused.</summary>
    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            await running.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages have arrived and answers them all; after
    /// <paramref name="timeout"/> throws, naming what did arrive.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var received = Received;
                var list = received.Count == 0 ? "none" : string.Join("; ", received.Select(m => $"\"{m.Subject}\" to {m.To}"));
                throw new TimeoutException(
                    $"Expected {count} message(s) on the SMTP server on port {Port} within {timeout.TotalSeconds} s; received {received.Count}: {list}.");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ISmtpServerOptions Options() =>
        new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (_certificate is not null)
                {
                    // SmtpServer offers STARTTLS whenever an endpoint that is not secure from the start has a certificate.
                    endpoint.Certificate(_certificate).IsSecure(_security == SmtpSecurity.SslOnConnect);
                }
            })
            .Build();

    private void Keep(MimeMessage message)
    {
        lock (_lock)
        {
            _received.Add(message);
            _arrived.SetResult();
            _arrived = NewSignal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Parses each accepted message as the recipient's mail program would, and keeps it.</summary>
    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Keep(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>One life of the server, from listening to the closed socket; disposing it stops the server.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private static readonly TimeSpan BindingTimeout = TimeSpan.FromSeconds(10);

        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _listening = NewSignal();
        private readonly TaskCompletionSource _closed = NewSignal();

        private Task _serving = Task.CompletedTask;

        /// <summary>Returns once the port is bound, so that a client connecting right after is not refused.</summary>
        public static Running Start(ISmtpServerOptions options, MessageStore store)
        {
            var running = new Running();
            var listeners = new EndpointListenerFactory();
            listeners.EndpointStarted += (_, _) => running._listening.TrySetResult();
            listeners.EndpointStopped += (_, _) => running._closed.TrySetResult();
            var services = new ServiceProvider();
            services.Add(listeners);
            services.Add(store);
            running._serving = new SmtpServer.SmtpServer(options, services).StartAsync(running._stop.Token);

            // SmtpServer binds before StartAsync returns; a port that cannot be bound faults the serving task instead.
            Task.WaitAny([running._listening.Task, running._serving], BindingTimeout);
            if (running._serving.IsFaulted)
            {
                running._serving.GetAwaiter().GetResult();
            }

            return running._listening.Task.IsCompleted
                ? running
                : throw new TimeoutException($"The SMTP server was not listening within {BindingTimeout.TotalSeconds} s.");
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _serving;
            }
            catch (OperationCanceledException)
            {
                // Cancelling is how SmtpServer is stopped.
            }

            await _closed.Task;
            _stop.Dispose();
        }
    }
}
