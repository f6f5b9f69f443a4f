using System.Text;
using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Json;

/// <summary>
/// Decodes Kubernetes' protobuf envelope ("k8s\0" + runtime.Unknown) for the few kinds in ProtobufSchemas into
/// the JSON the rest of the emulator works with. Returns null for any other kind (answered 415).
/// </summary>
internal static class ProtobufReader
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject? Decode(byte[] body)
    {
        if (!body.AsSpan().StartsWith(Magic))
        {
            return null;
        }

        string apiVersion = "", kind = "";
        byte[] raw = [];
        var reader = new Reader(body, Magic.Length, body.Length);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (field == 1 && wire == 2)
            {
                var typeMeta = reader.Sub();
                while (typeMeta.More)
                {
                    var (f, w) = typeMeta.Tag();
                    if (w != 2)
                    {
                        typeMeta.SkipValue(w);
                        continue;
                    }

                    var text = Encoding.UTF8.GetString(typeMeta.Bytes());
                    (apiVersion, kind) = f == 1 ? (text, kind) : (apiVersion, text);
                }
            }
            else if (field == 2 && wire == 2)
            {
                raw = reader.Bytes();
            }
            else
            {
                reader.SkipValue(wire);
            }
        }

        if (!ProtobufSchemas.ByKind.TryGetValue(kind, out var schema))
        {
            return null;
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        Read(new Reader(raw, 0, raw.Length), schema, obj);
        return obj;
    }

    private static void Read(Reader reader, Dictionary<int, ProtoField> schema, JsonObject target)
    {
        while (reader.More)
        {
            var (number, wire) = reader.Tag();
            if (!schema.TryGetValue(number, out var field) || field.Kind == ProtoKind.Skip)
            {
                reader.SkipValue(wire);
                continue;
            }

            JsonNode? value = field.Kind switch
            {
                ProtoKind.String => Encoding.UTF8.GetString(reader.Bytes()),
                ProtoKind.Bytes => Convert.ToBase64String(reader.Bytes()),
                ProtoKind.Int => (long)reader.Varint(),
                ProtoKind.Bool => reader.Varint() != 0,
                ProtoKind.Message => ReadMessage(reader.Sub(), field.Message!),
                ProtoKind.IntOrString => ReadIntOrString(reader.Sub()),
                _ => null,
            };
            if (field.Kind is ProtoKind.StringMap or ProtoKind.BytesMap)
            {
                var map = target[field.Name] as JsonObject ?? [];
                var entry = reader.Sub();
                string key = "", mapValue = "";
                while (entry.More)
                {
                    var (f, _) = entry.Tag();
                    var bytes = entry.Bytes();
                    if (f == 1)
                    {
                        key = Encoding.UTF8.GetString(bytes);
                    }
                    else
                    {
                        mapValue = field.Kind == ProtoKind.BytesMap ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);
                    }
                }

                map[key] = mapValue;
                target[field.Name] = map;
            }
            else if (field.Repeated)
            {
                var list = target[field.Name] as JsonArray ?? [];
                list.Add(value);
                target[field.Name] = list;
            }
            else if (field.KeepZero || !IsZero(value))
            {
                target[field.Name] = value;
            }
        }
    }

    private static bool IsZero(JsonNode? value) => value is JsonValue v
        && ((v.TryGetValue<string>(out var s) && s.Length == 0) || (v.TryGetValue<long>(out var n) && n == 0) || (v.TryGetValue<bool>(out var b) && !b));

    private static JsonValue ReadIntOrString(Reader reader)
    {
        long type = 0, number = 0;
        var text = "";
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1:
                    type = (long)reader.Varint();
                    break;
                case 2:
                    number = (long)reader.Varint();
                    break;
                case 3:
                    text = Encoding.UTF8.GetString(reader.Bytes());
                    break;
                default:
                    reader.SkipValue(wire);
                    break;
            }
        }

        return type == 1 ? JsonValue.Create(text) : JsonValue.Create(number);
    }

    private static JsonObject ReadMessage(Reader reader, Dictionary<int, ProtoField> schema)
    {
        var obj = new JsonObject();
        Read(reader, schema, obj);
        return obj;
    }

    private sealed class Reader(byte[] data, int position, int end)
    {
        private int _position = position;

        public bool More => _position < end;

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = data[_position++];
                result |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return result;
        }

        public (int Field, int Wire) Tag()
        {
            var tag = Varint();
            return ((int)(tag >> 3), (int)(tag & 7));
        }

        public byte[] Bytes()
        {
            var length = (int)Varint();
            var bytes = data.AsSpan(_position, length).ToArray();
            _position += length;
            return bytes;
        }

        public Reader Sub()
        {
            var length = (int)Varint();
            var sub = new Reader(data, _position, _position + length);
            _position += length;
            return sub;
        }

        public void SkipValue(int wire)
        {
            switch (wire)
            {
                case 0:
                    Varint();
                    break;
                case 1:
                    _position += 8;
                    break;
                case 2:
                    // Read the length first: "_position += Varint()" would add to the position before the read.
                    var length = (int)Varint();
                    _position += length;
                    break;
                case 5:
                    _position += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {wire}");
            }
        }
    }
}
