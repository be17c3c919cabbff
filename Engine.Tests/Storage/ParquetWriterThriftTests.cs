using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>The Thrift compact writer: exact bytes from the protocol specification, and round trips through <see cref="ThriftCompactReader"/>.</summary>
[TestFixture]
public sealed class ParquetWriterThriftTests
{
    [Test]
    public void FieldHeader_SmallDelta_IsOneByteWithDeltaAndType()
    {
        var writer = new ThriftCompactWriter();
        var saved = writer.BeginStruct();
        writer.WriteI32Field(1, -1);
        writer.WriteI32Field(3, 1);
        writer.EndStruct(saved);
        byte[] expected = [0x15, 0x01, 0x25, 0x02, 0x00];
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void FieldHeader_DeltaAboveFifteen_UsesTheLongFormWithZigzagId()
    {
        var writer = new ThriftCompactWriter();
        var saved = writer.BeginStruct();
        writer.WriteI64Field(20, 150);
        writer.EndStruct(saved);
        byte[] expected = [0x06, 0x28, 0xAC, 0x02, 0x00];
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void BoolField_Value_TravelsInTheHeaderType()
    {
        var writer = new ThriftCompactWriter();
        var saved = writer.BeginStruct();
        writer.WriteBoolField(1, true);
        writer.WriteBoolField(2, false);
        writer.EndStruct(saved);
        byte[] expected = [0x11, 0x12, 0x00];
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void ListHeader_FifteenOrMoreElements_WritesTheCountAsVarint()
    {
        var writer = new ThriftCompactWriter();
        writer.WriteListHeader(ThriftType.I32, 3);
        writer.WriteListHeader(ThriftType.Struct, 300);
        byte[] expected = [0x35, 0xFC, 0xAC, 0x02];
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Struct_NestedAndOutOfOrderFields_RoundTripsThroughTheReader()
    {
        var writer = new ThriftCompactWriter(16);
        var outer = writer.BeginStruct();
        writer.WriteI32Field(1, int.MinValue);
        writer.WriteI64Field(2, long.MaxValue);
        var inner = writer.BeginStructField(3);
        writer.WriteStringField(1, "ünï");
        writer.WriteBoolField(2, true);
        writer.EndStruct(inner);
        writer.WriteListField(4, ThriftType.Binary, 20);
        for (var i = 0; i < 20; i++)
        {
            writer.WriteBinary(new byte[i]);
        }

        writer.WriteI16Field(40, -7);
        writer.WriteI32Field(5, 42);
        writer.EndStruct(outer);

        var reader = new ThriftCompactReader(writer.WrittenSpan, "test", 0);
        var seen = new List<string>();
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    seen.Add($"1={reader.ReadI32()}");
                    break;
                case 2:
                    seen.Add($"2={reader.ReadI64()}");
                    break;
                case 3:
                    var nested = reader.BeginStruct();
                    while (reader.ReadFieldHeader(out var innerId, out var innerType))
                    {
                        seen.Add(innerId == 1 ? $"3.1={reader.ReadString()}" : $"3.{innerId}={ThriftCompactReader.ReadBoolField(innerType)}");
                    }

                    reader.EndStruct(nested);
                    break;
                case 4:
                    var (elementType, count) = reader.ReadListHeader();
                    var lengths = 0;
                    for (var i = 0; i < count; i++)
                    {
                        lengths += reader.ReadBinary().Length;
                    }

                    seen.Add($"4={elementType}x{count}:{lengths}");
                    break;
                case 40:
                    seen.Add($"40={reader.ReadI16()}");
                    break;
                default:
                    seen.Add($"{id}={reader.ReadI32()}:{type}");
                    break;
            }
        }

        reader.EndStruct(saved);
        string[] expected = [$"1={int.MinValue}", $"2={long.MaxValue}", "3.1=ünï", "3.2=True", "4=Binaryx20:190", "40=-7", "5=42:I32"];
        Assert.That(seen, Is.EqualTo(expected));
        Assert.That(reader.Position, Is.EqualTo(writer.Length));
    }

    [Test]
    public void Reset_AfterWriting_StartsAnEmptyStructState()
    {
        var writer = new ThriftCompactWriter();
        var saved = writer.BeginStruct();
        writer.WriteI32Field(9, 1);
        writer.Reset();
        saved = writer.BeginStruct();
        writer.WriteI32Field(1, 1);
        writer.EndStruct(saved);
        byte[] expected = [0x15, 0x02, 0x00];
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }
}
