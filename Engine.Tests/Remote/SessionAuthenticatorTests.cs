using System.Text;
using Engine.Schedulers.Remote.Security;

namespace Engine.Tests.Remote;

/// <summary>The HMAC challenge/response in isolation.</summary>
public sealed class SessionAuthenticatorTests
{
    private static readonly byte[] s_secret = Encoding.UTF8.GetBytes("0123456789abcdef-secret");
    private static readonly byte[] s_workerNonce = SessionAuthenticator.CreateNonce();
    private static readonly byte[] s_coordinatorNonce = SessionAuthenticator.CreateNonce();

    [Test]
    public void CoordinatorProof_VerifiesWithTheSameSecretAndNonce()
    {
        var proof = SessionAuthenticator.CreateCoordinatorProof(s_secret, s_workerNonce, s_coordinatorNonce);

        Assert.That(SessionAuthenticator.TryVerifyCoordinatorProof(s_secret, s_workerNonce, proof, out var nonce), Is.True);
        Assert.That(nonce, Is.EqualTo(s_coordinatorNonce));
    }

    [Test]
    public void CoordinatorProof_FailsForAnotherWorkerNonce()
    {
        var proof = SessionAuthenticator.CreateCoordinatorProof(s_secret, s_workerNonce, s_coordinatorNonce);

        Assert.That(SessionAuthenticator.TryVerifyCoordinatorProof(s_secret, SessionAuthenticator.CreateNonce(), proof, out _), Is.False);
    }

    [Test]
    public void CoordinatorProof_FailsForAnotherSecret()
    {
        var proof = SessionAuthenticator.CreateCoordinatorProof(Encoding.UTF8.GetBytes("another-secret-entirely"), s_workerNonce, s_coordinatorNonce);

        Assert.That(SessionAuthenticator.TryVerifyCoordinatorProof(s_secret, s_workerNonce, proof, out _), Is.False);
    }

    [TestCase(0)]
    [TestCase(63)]
    [TestCase(65)]
    public void CoordinatorProof_OfTheWrongLength_Fails(int length) =>
        Assert.That(SessionAuthenticator.TryVerifyCoordinatorProof(s_secret, s_workerNonce, new byte[length], out _), Is.False);

    [Test]
    public void WorkerProof_CannotBeReflectedAsACoordinatorProof()
    {
        var workerProof = SessionAuthenticator.CreateWorkerProof(s_secret, s_workerNonce, s_coordinatorNonce);
        var reflected = s_coordinatorNonce.Concat(workerProof).ToArray();

        Assert.That(SessionAuthenticator.TryVerifyCoordinatorProof(s_secret, s_workerNonce, reflected, out _), Is.False);
        Assert.That(SessionAuthenticator.VerifyWorkerProof(s_secret, s_workerNonce, s_coordinatorNonce, workerProof), Is.True);
    }

    [Test]
    public void Proofs_NeverContainTheSecret()
    {
        var proof = SessionAuthenticator.CreateCoordinatorProof(s_secret, s_workerNonce, s_coordinatorNonce);

        Assert.That(proof.AsSpan().IndexOf(s_secret.AsSpan(0, 8)), Is.EqualTo(-1));
    }
}
