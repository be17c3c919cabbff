using Engine.Core.Errors;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>Hostile-input behaviour of the Thrift compact protocol reader and the metadata decoder.</summary>
[TestFixture]
public sealed class ThriftCompactReaderTests
{
    [Test]
    public void ReadListHeader_CountLargerThanRemainingBytes_FailsBeforeAllocating()
    {
        // List header 0xF9 (long form, element type list) followed by varint count 2^28.
        var error = Assert.Throws<CorruptDataException>(() => ReadList([0xF9, 0x80, 0x80, 0x80, 0x80, 0x01]));
        Assert.That(error!.Message, Does.Contain("cannot fit"));
    }

    [Test]
    public void ReadBinary_LengthPastEnd_FailsNamingLength()
    {
        var error = Assert.Throws<CorruptDataException>(() => ReadBinary([0x64, 0x41, 0x42]));
        Assert.That(error!.Message, Does.Contain("binary length 100"));
    }

    [Test]
    public void Skip_NestingDeeperThanCap_FailsInsteadOfRecursingForever()
    {
        // Each 0x1C opens a struct field (id delta 1, type struct) inside the previous one.
        var bytes = Enumerable.Repeat((byte)0x1C, 100).ToArray();
        var error = Assert.Throws<CorruptDataException>(() => SkipStruct(bytes));
        Assert.That(error!.Message, Does.Contain("nesting"));
    }

    [Test]
    public void ReadPageHeader_UnknownFieldsAndMissingRequired_SkipsThenFails()
    {
        // Field 20 (long form: 0x08 binary, zigzag id 40) holding "xy", then STOP: no required field present.
        var error = Assert.Throws<CorruptDataException>(() => ReadPageHeader([0x08, 0x28, 0x02, 0x78, 0x79, 0x00]));
        Assert.That(error!.Message, Does.Contain("PageHeader lacks required"));
    }

    [Test]
    public void ReadPageHeader_ValidHeader_DecodesFields()
    {
        // type=0 (i32 field 1), uncompressed=10 (field 2), compressed=8 (field 3), STOP.
        var header = ReadPageHeader([0x15, 0x00, 0x15, 0x14, 0x15, 0x10, 0x00]);
        Assert.That((header.UncompressedPageSize, header.CompressedPageSize), Is.EqualTo((10, 8)));
    }

    [Test]
    public void ReadI32_VarintBeyondThirtyTwoBits_Fails()
    {
        Assert.Throws<CorruptDataException>(() => ReadI32([0xFF, 0xFF, 0xFF, 0xFF, 0x7F]));
    }

    private static void ReadList(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes, "test", 0);
        reader.ReadListHeader();
    }

    private static void ReadBinary(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes, "test", 0);
        reader.ReadBinary();
    }

    private static void SkipStruct(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes, "test", 0);
        reader.Skip(ThriftType.Struct);
    }

    private static void ReadI32(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes, "test", 0);
        reader.ReadI32();
    }

    private static PageHeader ReadPageHeader(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes, "test", 0);
        return MetadataDecoder.ReadPageHeader(ref reader);
    }
}
