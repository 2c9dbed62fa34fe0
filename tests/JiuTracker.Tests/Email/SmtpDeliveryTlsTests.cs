using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Email;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace JiuTracker.Tests.Email;

/// <summary>
/// <see cref="SmtpDelivery"/> with TLS asked for never falls back to sending in the clear, nor to a server whose
/// certificate nothing vouches for: the app leaves MailKit's certificate validation as it is.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class SmtpDeliveryTlsTests
{
    private static SmtpDelivery DeliveryTo(int port, SmtpSecurity security) => new(Options.Create(new EmailOptions
    {
        From = "jiu-coordinator@example.org",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = security },
    }));

    [Fact]
    public async Task Connect_WithStartTls_ToAServerThatDoesNotOfferIt_IsRefused()
    {
        await using var server = LoopbackSmtpServer.Start();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(
            () => DeliveryTo(server.Port, SmtpSecurity.StartTls).ConnectAsync(CancellationToken.None));

        Assert.Contains("STARTTLS", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect)]
    public async Task Connect_ToAServerWithASelfSignedCertificate_IsRefused(SmtpSecurity security)
    {
        using var certificate = LocalhostCertificate.CreateSelfSigned();
        await using var server = LoopbackSmtpServer.Start(security, certificate);

        var refused = await Assert.ThrowsAsync<SslHandshakeException>(
            () => DeliveryTo(server.Port, security).ConnectAsync(CancellationToken.None));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException);
    }
}
