using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>A self-signed RSA certificate made for one test, written as a password-protected .pfx; never a committed key.</summary>
public static class TestCertificate
{
    public const string Password = "test-pfx-password";

    public static string WritePfx(string folder, string fileName = "keys.pfx")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=JiuTracker test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
