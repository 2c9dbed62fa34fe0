using JiuTracker.Reliability;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Reliability;
using JiuTracker.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Security;

/// <summary>The Data Protection keys in the database, encrypted with a configured certificate; the app as a process.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class KeyEncryptionTests : IDisposable
{
    private const string UnencryptedWarning = "The Data Protection keys (they sign sign-in cookies and form tokens) are stored unencrypted";

    private readonly RunFolder _folder = new();

    private string DatabasePath => _folder.DatabasePath;

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string> CertificateSettings(string path, string password = TestCertificate.Password) => new()
    {
        ["DataProtection:CertificatePath"] = path,
        ["DataProtection:CertificatePassword"] = password,
    };

    [Fact]
    public async Task Keys_WithACertificate_AreStoredEncrypted_AndASessionOutlivesARestartWithTheSameCertificate()
    {
        var settings = CertificateSettings(TestCertificate.WritePfx(_folder.FullName));
        var first = WebAppProcess.Start("Development", DatabasePath, settings);
        using var browser = new AppClient(first.BaseAddress);
        await using (first)
        {
            await first.WaitUntilServingAsync();
            await browser.SignInAsync(DemoAccounts.Admin, DemoData.Password, CancellationToken.None);
        }

        await using (var second = WebAppProcess.Start("Development", DatabasePath, settings, first.BaseAddress.Port))
        {
            await second.WaitUntilServingAsync();

            // The cookie the first process issued is read by the second: the key came back from the database decrypted.
            var page = await browser.Http.GetAsync(new Uri("/Reports", UriKind.Relative));
            Assert.True(page.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)page.StatusCode}: {second.Output}");
        }

        var keys = await WebAppProcess.QueryAsync(DatabasePath, db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Keys_WithoutACertificate_InProduction_StartsWithOneWarningNamingTheSetting()
    {
        await using var app = WebAppProcess.Start("Production", DatabasePath, new Dictionary<string, string> { ["https_port"] = "443" });

        await app.WaitUntilServingAsync();

        var warnings = app.Output.Split('\n').Where(l => l.Contains(UnencryptedWarning, StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("DataProtection:CertificatePath", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_WithACertificate_InProduction_StartWithoutTheWarning()
    {
        var settings = CertificateSettings(TestCertificate.WritePfx(_folder.FullName));
        settings["https_port"] = "443";
        await using var app = WebAppProcess.Start("Production", DatabasePath, settings);

        await app.WaitUntilServingAsync();

        Assert.DoesNotContain(UnencryptedWarning, app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.pfx", TestCertificate.Password)]
    [InlineData("keys.pfx", "not-the-password")]
    public async Task Keys_WithACertificateThatCannotBeRead_RefuseToStart_NamingTheSetting(string fileName, string password)
    {
        TestCertificate.WritePfx(_folder.FullName);
        var settings = CertificateSettings(Path.Combine(_folder.FullName, fileName), password);
        await using var app = WebAppProcess.Start("Development", DatabasePath, settings);

        var exitCode = await app.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("JiuTracker did not start: the certificate that encrypts the keys at rest (DataProtection:CertificatePath", app.Output, StringComparison.Ordinal);
        Assert.Contains(fileName, app.Output, StringComparison.Ordinal);
    }
}
