using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Engine.Schedulers.Remote.Security;

/// <summary>
/// Decides whether a coordinator trusts the certificate a worker presents in the TLS handshake, and remembers why
/// not so the error can say it. With a configured thumbprint the certificate is pinned: it is trusted exactly
/// when its thumbprint matches, whoever signed it. With CA certificates, the chain must end at one of them and
/// the name must match. Otherwise the system's trust store and name check decide. One instance per handshake.
/// </summary>
internal sealed class WorkerCertificateValidator
{
    private readonly string? _thumbprint;
    private readonly X509Certificate2Collection? _authorities;

    public WorkerCertificateValidator(string? thumbprint, X509Certificate2Collection? authorities)
    {
        _thumbprint = thumbprint;
        _authorities = authorities;
    }

    /// <summary>Why the last certificate was refused, or <see langword="null"/>.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The callback for <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return Refuse("the worker presented no certificate");
        }

        if (_thumbprint is not null)
        {
            var actual = TlsCertificates.ThumbprintLike(certificate, _thumbprint);
            return string.Equals(actual, _thumbprint, StringComparison.OrdinalIgnoreCase)
                || Refuse($"the worker's certificate thumbprint {actual} is not the configured {_thumbprint}");
        }

        if (_authorities is not null)
        {
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return Refuse($"the worker's certificate ({certificate.Subject}) does not match the server name");
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return custom.Build(presented)
                || Refuse($"the worker's certificate ({certificate.Subject}) is not issued by the configured CA: {Describe(custom)}");
        }

        return errors == SslPolicyErrors.None
            || Refuse($"the worker's certificate ({certificate.Subject}) is not trusted: {errors}");
    }

    private static string Describe(X509Chain chain) =>
        string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).DefaultIfEmpty("untrusted chain"));

    private bool Refuse(string reason)
    {
        Refusal = reason;
        return false;
    }
}
