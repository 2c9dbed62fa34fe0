using System.Net.Sockets;
using JiuTracker.Web.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JiuTracker.Tests.Email;

/// <summary>Messages handed to <see cref="SmtpDelivery"/> as they arrive at a real SMTP server on 127.0.0.1.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class SmtpDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly DateTimeOffset Written = new(2026, 12, 4, 9, 30, 15, TimeSpan.FromHours(1));

    private static SmtpDelivery DeliveryTo(int port, SmtpSecurity security = SmtpSecurity.None) => new(Options.Create(new EmailOptions
    {
        From = "jiu-coordinator@example.org",
        FromName = "JIU Coordinator",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = security },
    }));

    private static OutgoingEmail Email(int number = 42, string subject = "Zürcher — 25 % of recommendations need attention") => new(
        MessageId: $"outbox-{number}.3f2a9c@jiutracker",
        ToAddress: "ines.zurcher@example.org",
        ToName: "Inès Zürcher",
        Subject: subject,
        TextBody: "Grüezi Inès,\nZürcher — 25 % of your recommendations need attention.",
        HtmlBody: "<p>Grüezi Inès,</p><p>Zürcher — 25 % of your recommendations need attention.</p>",
        Date: Written);

    private static async Task SendAsync(SmtpDelivery delivery, params OutgoingEmail[] emails)
    {
        await using var session = await delivery.ConnectAsync(CancellationToken.None);
        foreach (var email in emails)
        {
            await session.SendAsync(email, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Send_ArrivesWithItsIdDateSenderRecipientSubjectAndBothBodies()
    {
        await using var server = LoopbackSmtpServer.Start();
        var email = Email();

        await SendAsync(DeliveryTo(server.Port), email);

        var message = Assert.Single(await server.WaitForAsync(1, Patience));
        Assert.Equal(email.MessageId, message.MessageId);
        Assert.Equal(Written, message.Date);
        Assert.Equal(new MailboxAddress("JIU Coordinator", "jiu-coordinator@example.org"), Assert.Single(message.From));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Inès Zürcher", "ines.zurcher@example.org"), (to.Name, to.Address));
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal("Zürcher — 25 % of recommendations need attention", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(alternative,
            part => AssertUtf8Text(part, "text/plain", email.TextBody),
            part => AssertUtf8Text(part, "text/html", email.HtmlBody));
    }

    private static void AssertUtf8Text(MimeEntity entity, string mimeType, string expected)
    {
        var part = Assert.IsType<TextPart>(entity);
        Assert.Equal(mimeType, part.ContentType.MimeType);
        Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        Assert.Equal(expected, part.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Send_ThreeOverOneSession_ArriveAsThree()
    {
        await using var server = LoopbackSmtpServer.Start();

        await SendAsync(DeliveryTo(server.Port), Email(1, "First"), Email(2, "Second"), Email(3, "Third"));

        var received = await server.WaitForAsync(3, Patience);
        Assert.Equal(["First", "Second", "Third"], received.Select(m => m.Subject));
        Assert.Equal(["outbox-1.3f2a9c@jiutracker", "outbox-2.3f2a9c@jiutracker", "outbox-3.3f2a9c@jiutracker"],
            received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Connect_WhileTheServerIsDown_IsRefused_AndSendsOnceItIsBackOnTheSamePort()
    {
        await using var server = LoopbackSmtpServer.Start();
        var delivery = DeliveryTo(server.Port);
        await server.StopAsync();

        var refused = await Assert.ThrowsAsync<SocketException>(() => SendAsync(delivery, Email(1, "While down")));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);

        server.StartAgain();
        await SendAsync(delivery, Email(2, "Once back"));

        Assert.Equal("Once back", Assert.Single(await server.WaitForAsync(1, Patience)).Subject);
    }

    [Theory]
    [InlineData(null, null, "Email:Smtp:Host and Email:From")]
    [InlineData("smtp.example.org", null, "Email:From")]
    [InlineData(null, "jiu-coordinator@example.org", "Email:Smtp:Host")]
    public async Task Connect_NotConfigured_ThrowsNamingTheMissingSettings(string? host, string? from, string missing)
    {
        var options = new EmailOptions { From = from, Smtp = new SmtpOptions { Host = host } };
        var delivery = new SmtpDelivery(Options.Create(options));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => delivery.ConnectAsync(CancellationToken.None));

        Assert.False(options.IsConfigured);
        Assert.Equal($"E-mail is not configured: set {missing}.", refused.Message);
    }
}
