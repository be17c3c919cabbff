using Engine.Tests.Storage.S3;

namespace Engine.Tests.Storage;

/// <summary>
/// Runs once around every fixture of Engine.Tests.Storage (including the S3 contract fixture and the
/// Storage.S3 tests): stops the shared s3rver process when any test started it.
/// </summary>
[SetUpFixture]
public sealed class StorageTestsLifetime
{
    [OneTimeTearDown]
    public void StopServers() => S3TestServer.StopShared();
}
