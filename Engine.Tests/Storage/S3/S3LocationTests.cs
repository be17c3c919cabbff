using Engine.Core.Errors;
using Engine.Storage.ObjectStores;

namespace Engine.Tests.Storage.S3;

[TestFixture]
public sealed class S3LocationTests
{
    [TestCase("s3://my-bucket", "my-bucket", "")]
    [TestCase("s3://my-bucket/", "my-bucket", "")]
    [TestCase("s3://my-bucket/tables", "my-bucket", "tables/")]
    [TestCase("S3://data.example-1/a/b=2/", "data.example-1", "a/b=2/")]
    public void Parse_ValidLocation_SplitsBucketAndPrefix(string text, string bucket, string prefix)
    {
        var location = S3Location.Parse(text);
        Assert.That(location, Is.EqualTo(new S3Location(bucket, prefix)));
    }

    [TestCase("http://bucket/x", "is not an S3 location")]
    [TestCase("bucket/x", "is not an S3 location")]
    [TestCase("s3://", "the bucket name is empty")]
    [TestCase("s3:///prefix", "the bucket name is empty")]
    [TestCase("s3://ab", "3 to 63 characters")]
    [TestCase("s3://My_Bucket/x", "is not allowed")]
    [TestCase("s3://-bucket", "starts and ends with a letter or a digit")]
    [TestCase("s3://a..b", "no two adjacent periods")]
    [TestCase("s3://bucket/a//b", "empty path segment")]
    [TestCase("s3://bucket/../x", "'..' segment")]
    public void Parse_InvalidLocation_ThrowsConfigurationExceptionSayingWhy(string text, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => S3Location.Parse(text, "--data"));
        Assert.That(error!.Key, Is.EqualTo("--data"));
        Assert.That(error.Message, Does.Contain(problem));
    }

    [Test]
    public void ToString_ParsedLocation_IsTheCanonicalUri()
    {
        Assert.That(S3Location.Parse("s3://bucket/a/b").ToString(), Is.EqualTo("s3://bucket/a/b/"));
    }
}
