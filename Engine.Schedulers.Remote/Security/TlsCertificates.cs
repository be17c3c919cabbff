using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Security;

/// <summary>
/// Loads the certificates the optional TLS layer uses: the worker's certificate with its private key (a PKCS#12
/// file), a coordinator's trusted CA certificates, and configured thumbprints. Every problem is a
/// <see cref="ConfigurationException"/> naming the option; passwords are never put in a message.
/// </summary>
public static class TlsCertificates
{
    /// <summary>
    /// Reads the PKCS#12 (.pfx) file at <paramref name="path"/>, with the password in <paramref name="passwordFile"/>
    /// (its surrounding whitespace ignored) or none. The certificate must carry a private key, or a worker could
    /// not prove it owns it. <paramref name="key"/> and <paramref name="passwordKey"/> name the settings in errors.
    /// </summary>
    public static X509Certificate2 LoadServerCertificate(string path, string? passwordFile, string key, string passwordKey)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? password = null;
        if (passwordFile is not null)
        {
            password = ReadText(passwordFile, passwordKey, "password file").Trim();
        }

        if (!File.Exists(path))
        {
            throw new ConfigurationException(key, $"the certificate file '{path}' does not exist");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new ConfigurationException(key, $"cannot load '{path}' as a PKCS#12 certificate (wrong password, or not a .pfx file): {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(key, $"cannot read the certificate file '{path}': {ex.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ConfigurationException(key, $"the certificate in '{path}' has no private key");
        }

        return certificate;
    }

    /// <summary>Reads the CA certificates (PEM, one or more, or a single DER certificate) a coordinator trusts for workers.</summary>
    public static X509Certificate2Collection LoadCaCertificates(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ReadText(path, key, "CA file");
        var collection = new X509Certificate2Collection();
        try
        {
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text);
            }
            else
            {
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException ex)
        {
            throw new ConfigurationException(key, $"cannot load CA certificates from '{path}': {ex.Message}");
        }

        return collection.Count > 0 ? collection : throw new ConfigurationException(key, $"'{path}' holds no certificate");
    }

    /// <summary>
    /// Normalizes a configured certificate thumbprint: hex digits, with spaces and colons ignored; 40 digits for a
    /// SHA-1 thumbprint (as Windows and <see cref="X509Certificate.GetCertHashString()"/> show), 64 for SHA-256.
    /// </summary>
    public static string ParseThumbprint(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if ((digits.Length != 40 && digits.Length != 64) || !digits.All(char.IsAsciiHexDigit))
        {
            throw new ConfigurationException(key, $"'{text}' is not a certificate thumbprint (40 hex digits for SHA-1, 64 for SHA-256)");
        }

        return digits;
    }

    /// <summary>The thumbprint of <paramref name="certificate"/> in the hash <paramref name="thumbprint"/> is written in (by its length).</summary>
    public static string ThumbprintLike(X509Certificate certificate, string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(thumbprint);
        return thumbprint.Length == 64 ? certificate.GetCertHashString(HashAlgorithmName.SHA256) : certificate.GetCertHashString();
    }

    private static string ReadText(string path, string key, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(key, $"cannot read the {what} '{path}': {ex.Message}");
        }
    }
}
