using Engine.Core.Errors;
using Engine.Schedulers.Remote.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Remote;

/// <summary>Loading TLS certificates and settings: each problem is a <see cref="ConfigurationException"/> naming the option.</summary>
public sealed class TlsCertificatesTests
{
    [Test]
    public void LoadServerCertificate_MissingFile_NamesTheOption()
    {
        var missing = Path.Combine(Path.GetTempPath(), "engine-no-such-" + Guid.NewGuid().ToString("N") + ".pfx");

        Assert.That(() => TlsCertificates.LoadServerCertificate(missing, null, "--tls-cert", "--tls-password-file"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("--tls-cert").And.Message.Contains("does not exist"));
    }

    [Test]
    public void LoadServerCertificate_NotAPfx_NamesTheOption()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a certificate");
        try
        {
            Assert.That(() => TlsCertificates.LoadServerCertificate(path, null, "--tls-cert", "--tls-password-file"),
                Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("--tls-cert").And.Message.Contains("PKCS#12"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void LoadServerCertificate_WrongPassword_NamesTheOptionNotThePassword()
    {
        using var certificate = TestCertificates.SelfSigned();
        var pfx = TestCertificates.WritePfx(certificate);
        var password = Path.GetTempFileName();
        File.WriteAllText(password, "wrong-password-value");
        try
        {
            Assert.That(() => TlsCertificates.LoadServerCertificate(pfx, password, "--tls-cert", "--tls-password-file"),
                Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("--tls-cert")
                    .And.Message.Not.Contains("wrong-password-value"));
        }
        finally
        {
            File.Delete(pfx);
            File.Delete(password);
        }
    }

    [Test]
    public void LoadServerCertificate_MissingPasswordFile_NamesThePasswordOption()
    {
        var missing = Path.Combine(Path.GetTempPath(), "engine-no-such-" + Guid.NewGuid().ToString("N"));

        Assert.That(() => TlsCertificates.LoadServerCertificate("any.pfx", missing, "--tls-cert", "--tls-password-file"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("--tls-password-file"));
    }

    [Test]
    public void LoadServerCertificate_ValidPfx_HasThePrivateKey()
    {
        using var certificate = TestCertificates.SelfSigned();
        var pfx = TestCertificates.WritePfx(certificate);
        var password = TestCertificates.WritePasswordFile();
        try
        {
            using var loaded = TlsCertificates.LoadServerCertificate(pfx, password, "--tls-cert", "--tls-password-file");

            Assert.That(loaded.HasPrivateKey, Is.True);
            Assert.That(loaded.Thumbprint, Is.EqualTo(certificate.Thumbprint));
        }
        finally
        {
            File.Delete(pfx);
            File.Delete(password);
        }
    }

    [TestCase("12:ab")]
    [TestCase("zz00000000000000000000000000000000000000")]
    public void ParseThumbprint_NotHexOfAHashLength_NamesTheKey(string text)
    {
        Assert.That(() => TlsCertificates.ParseThumbprint(text, "Engine:Scheduler:TlsThumbprint"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("Engine:Scheduler:TlsThumbprint"));
    }

    [Test]
    public void ParseThumbprint_WithColonsAndLowerCase_IsNormalized()
    {
        var text = string.Join(':', Enumerable.Repeat("ab", 20));

        Assert.That(TlsCertificates.ParseThumbprint(text, "k"), Is.EqualTo(string.Concat(Enumerable.Repeat("AB", 20))));
    }

    [Test]
    public void ReadOptions_TlsSettings_AreRead()
    {
        using var certificate = TestCertificates.SelfSigned();
        var options = RemoteSchedulerServiceCollectionExtensions.ReadOptions(Scheduler(
            ("Tls", "true"), ("TlsServerName", "workers.example"), ("TlsThumbprint", certificate.GetCertHashString().ToLowerInvariant())));

        Assert.That(options.Tls, Is.True);
        Assert.That(options.TlsServerName, Is.EqualTo("workers.example"));
        Assert.That(options.TlsThumbprint, Is.EqualTo(certificate.GetCertHashString()));
    }

    [Test]
    public void ReadOptions_CaFile_IsLoaded()
    {
        using var authority = TestCertificates.Authority();
        var pem = TestCertificates.WritePem(authority);
        try
        {
            var options = RemoteSchedulerServiceCollectionExtensions.ReadOptions(Scheduler(("Tls", "true"), ("TlsCaFile", pem)));

            Assert.That(options.TlsCaCertificates!.Single().Thumbprint, Is.EqualTo(authority.Thumbprint));
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Test]
    public void ReadOptions_MissingCaFile_NamesTheKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), "engine-no-such-" + Guid.NewGuid().ToString("N") + ".pem");

        Assert.That(() => RemoteSchedulerServiceCollectionExtensions.ReadOptions(Scheduler(("Tls", "true"), ("TlsCaFile", missing))),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("Engine:Scheduler:TlsCaFile"));
    }

    [Test]
    public void ReadOptions_ThumbprintWithoutTls_NamesTheTlsKey()
    {
        Assert.That(() => RemoteSchedulerServiceCollectionExtensions.ReadOptions(Scheduler(("TlsThumbprint", new string('A', 40)))),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("Engine:Scheduler:Tls"));
    }

    [Test]
    public void ReadOptions_TlsNotABoolean_NamesTheKey()
    {
        Assert.That(() => RemoteSchedulerServiceCollectionExtensions.ReadOptions(Scheduler(("Tls", "yes please"))),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("Engine:Scheduler:Tls"));
    }

    private static IConfigurationSection Scheduler(params (string Key, string Value)[] settings)
    {
        var values = settings.Select(s => new KeyValuePair<string, string?>("Engine:Scheduler:" + s.Key, s.Value))
            .Append(new("Engine:Scheduler:Kind", "Remote")).Append(new("Engine:Scheduler:Workers", "127.0.0.1:7400"));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Engine:Scheduler");
    }
}
