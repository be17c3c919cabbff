using Engine.Storage.Buffers;

namespace Engine.Tests.Storage;

/// <summary>The pooled-buffer counter follows rentals and returns.</summary>
public sealed class PooledBuffersTests
{
    [Test]
    public void Rent_NotReturned_CountsOneOutstanding()
    {
        var before = PooledBuffers.Outstanding;
        var array = PooledBuffers.Rent<int>(100);
        try
        {
            Assert.That((PooledBuffers.Outstanding - before, array.Length >= 100), Is.EqualTo((1L, true)));
        }
        finally
        {
            PooledBuffers.Return(array);
        }
    }

    [Test]
    public void Return_AfterRent_BringsOutstandingBack()
    {
        var before = PooledBuffers.Outstanding;

        PooledBuffers.Return(PooledBuffers.Rent<long>(10));

        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    [Test]
    public void Rent_ZeroLength_IsEmptyAndNotCounted()
    {
        var before = PooledBuffers.Outstanding;

        var array = PooledBuffers.Rent<byte>(0);
        PooledBuffers.Return(array);

        Assert.That((array.Length, PooledBuffers.Outstanding), Is.EqualTo((0, before)));
    }
}
