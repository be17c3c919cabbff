using Engine.Core.Errors;
using Engine.Storage.ObjectStores;

namespace Engine.Tests.Storage.S3;

[TestFixture]
public sealed class S3StorageOptionsTests
{
    [Test]
    public void FromEnvironment_AllVariablesSet_TakesEndpointRegionAndKeys()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:9000",
            ["AWS_ENDPOINT_URL"] = "http://other:1",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "key",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        };
        var options = S3StorageOptions.FromEnvironment(new S3Location("bucket", "p/"), variables.GetValueOrDefault);
        Assert.Multiple(() =>
        {
            Assert.That(options.Bucket, Is.EqualTo("bucket"));
            Assert.That(options.Prefix, Is.EqualTo("p/"));
            Assert.That(options.ServiceUrl, Is.EqualTo("http://127.0.0.1:9000"));
            Assert.That(options.Region, Is.EqualTo("eu-west-1"));
            Assert.That(options.AccessKeyId, Is.EqualTo("key"));
            Assert.That(options.SecretAccessKey, Is.EqualTo("secret"));
        });
    }

    [Test]
    public void FromEnvironment_OnlyGenericEndpoint_UsesIt()
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000" };
        var options = S3StorageOptions.FromEnvironment(new S3Location("bucket", ""), variables.GetValueOrDefault);
        Assert.That(options.ServiceUrl, Is.EqualTo("http://127.0.0.1:9000"));
    }

    [Test]
    public void FromEnvironment_NothingSet_LeavesTheSdkChainInCharge()
    {
        var options = S3StorageOptions.FromEnvironment(new S3Location("bucket", ""), _ => null);
        Assert.That(new object?[] { options.ServiceUrl, options.Region, options.AccessKeyId, options.SecretAccessKey }, Is.All.Null);
    }

    [Test]
    public void UsesPathStyle_CustomEndpoint_IsTrueUnlessConfiguredOtherwise()
    {
        var options = new S3StorageOptions { Bucket = "bucket", ServiceUrl = "http://127.0.0.1:9000" };
        Assert.That(options.UsesPathStyle, Is.True);
        options.ForcePathStyle = false;
        Assert.That(options.UsesPathStyle, Is.False);
    }

    [Test]
    public void UsesPathStyle_Aws_IsFalse()
    {
        Assert.That(new S3StorageOptions { Bucket = "bucket" }.UsesPathStyle, Is.False);
    }

    [Test]
    public void Validate_KeyWithoutSecret_NamesTheMissingSetting()
    {
        var options = new S3StorageOptions { Bucket = "bucket", AccessKeyId = "key" };
        var error = Assert.Throws<ConfigurationException>(() => options.Validate());
        Assert.That(error!.Key, Is.EqualTo("Engine:Storage:SecretAccessKey"));
    }

    [Test]
    public void Validate_MissingBucket_NamesTheBucketSetting()
    {
        var error = Assert.Throws<ConfigurationException>(() => new S3StorageOptions().Validate());
        Assert.That(error!.Key, Is.EqualTo("Engine:Storage:Bucket"));
    }

    [Test]
    public void Validate_EndpointThatIsNotHttp_IsRejected()
    {
        var options = new S3StorageOptions { Bucket = "bucket", ServiceUrl = "ftp://host" };
        var error = Assert.Throws<ConfigurationException>(() => options.Validate());
        Assert.That(error!.Key, Is.EqualTo("Engine:Storage:ServiceUrl"));
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Validate_AttemptsOutOfRange_IsRejected(int attempts)
    {
        var options = new S3StorageOptions { Bucket = "bucket", MaxAttempts = attempts };
        var error = Assert.Throws<ConfigurationException>(() => options.Validate());
        Assert.That(error!.Message, Does.Contain($"{attempts} is outside 1..100"));
    }
}
