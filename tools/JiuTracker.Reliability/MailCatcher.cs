using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JiuTracker.Reliability;

/// <summary>
/// A real SMTP server on 127.0.0.1, in the driver's process (so it outlives the app it receives from), that keeps the
/// Message-ID of every message it accepts, in order. <see cref="OnReceiving"/> sees each message after its data and
/// before the server's reply: the moment a sender killed there has handed the message over without knowing it.
/// </summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly List<string> _messageIds = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    private MailCatcher(int port) => Port = port;

    public int Port { get; }

    /// <summary>Called with the number of messages received so far (this one included) and its Message-ID, before the reply.</summary>
    public Action<int, string>? OnReceiving { get; set; }

    /// <summary>The Message-IDs received so far, without angle brackets, a message sent twice listed twice.</summary>
    public IReadOnlyList<string> MessageIds
    {
        get
        {
            lock (_messageIds)
            {
                return [.. _messageIds];
            }
        }
    }

    /// <summary>Listening when it returns.</summary>
    public static async Task<MailCatcher> StartAsync()
    {
        var catcher = new MailCatcher(FreeLoopbackPort());
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(catcher));
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, catcher.Port))).Build();
        catcher._serving = new SmtpServer.SmtpServer(options, services).StartAsync(catcher._stop.Token);
        // SmtpServer binds before StartAsync returns; a port that cannot be bound faults the serving task instead.
        await Task.WhenAny(listening.Task, catcher._serving).WaitAsync(TimeSpan.FromSeconds(10));
        if (catcher._serving.IsFaulted)
        {
            await catcher._serving;
        }

        return catcher;
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

        _stop.Dispose();
    }

    /// <summary>The Message-ID header of a message's raw text (headers end at the first empty line; folded lines joined).</summary>
    public static string? MessageIdOf(string message)
    {
        var headers = message.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var line = headers.Split("\r\n").FirstOrDefault(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
        return line?["Message-ID:".Length..].Trim().Trim('<', '>');
    }

    private void Keep(string messageId)
    {
        int count;
        lock (_messageIds)
        {
            _messageIds.Add(messageId);
            count = _messageIds.Count;
        }

        OnReceiving?.Invoke(count, messageId);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(MailCatcher catcher) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            catcher.Keep(MessageIdOf(Encoding.UTF8.GetString(buffer.ToArray())) ?? "(no Message-ID)");
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
