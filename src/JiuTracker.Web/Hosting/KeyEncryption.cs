using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace JiuTracker.Web.Hosting;

/// <summary>
/// The Data Protection keys (they sign every cookie and form token) are kept in the database; with a certificate
/// (<c>DataProtection:CertificatePath</c>, a .pfx, and <c>DataProtection:CertificatePassword</c>) they are stored
/// encrypted with it, and only a holder of that certificate can read them.
/// </summary>
public static partial class KeyEncryption
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <returns>Why the certificate cannot be used, or null (encryption set up, or no certificate configured).</returns>
    public static string? AddKeyEncryption(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var setting = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var path = Path.GetFullPath(setting, environment.ContentRootPath);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"the certificate that encrypts the keys at rest ({CertificatePathSetting} = {path}) cannot be read: {e.Message} "
                + $"Give the path of a readable .pfx file and its password in {CertificatePasswordSetting}, or remove {CertificatePathSetting}.";
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            return $"the certificate {path} ({CertificatePathSetting}) has no RSA private key; the keys at rest need one to be read back.";
        }

        services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        return null;
    }

    /// <summary>Once at start, in Production without a certificate: the keys are in the database as they are.</summary>
    public static void WarnIfKeysUnencrypted(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration[CertificatePathSetting]))
        {
            LogKeysUnencrypted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyEncryption).FullName!), CertificatePathSetting);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection keys (they sign sign-in cookies and form tokens) are stored unencrypted "
        + "in the database: anyone who reads the database can forge a session. Set {Setting} (a .pfx certificate) to encrypt them; see docs/deployment.md.")]
    private static partial void LogKeysUnencrypted(ILogger logger, string setting);
}
