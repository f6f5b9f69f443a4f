namespace Velero.Testing.Tracing;

/// <summary>
/// Decodes an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1) into spans: resource
/// <c>service.name</c>, scope name, span name, ids and string attributes. Other fields are skipped.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                DecodeResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static void DecodeResourceSpans(ReadOnlySpan<byte> data, List<ReceivedSpan> spans)
    {
        var serviceName = "";
        var scopes = new List<byte[]>();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field, wire)
            {
                case (1, 2):
                    serviceName = DecodeAttributes(reader.ReadBytes(), attributesField: 1).GetValueOrDefault("service.name", "");
                    break;
                case (2, 2):
                    scopes.Add(reader.ReadBytes().ToArray());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        foreach (var scope in scopes)
        {
            DecodeScopeSpans(scope, serviceName, spans);
        }
    }

    private static void DecodeScopeSpans(ReadOnlySpan<byte> data, string serviceName, List<ReceivedSpan> spans)
    {
        var scopeName = "";
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field, wire)
            {
                case (1, 2):
                    scopeName = ReadScopeName(reader.ReadBytes());
                    break;
                case (2, 2):
                    spans.Add(DecodeSpan(reader.ReadBytes(), serviceName, scopeName));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private static string ReadScopeName(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                return reader.ReadString();
            }

            reader.Skip(wire);
        }

        return "";
    }

    private static ReceivedSpan DecodeSpan(ReadOnlySpan<byte> data, string serviceName, string scopeName)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field, wire)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (4, 2):
                    var parentBytes = reader.ReadBytes();
                    parent = parentBytes.IsEmpty ? null : Convert.ToHexStringLower(parentBytes);
                    break;
                case (5, 2): name = reader.ReadString(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new ReceivedSpan(serviceName, scopeName, name, traceId, spanId, parent,
            DecodeAttributes(data, attributesField: 9));
    }

    /// <summary>String-valued attributes (KeyValue messages) found under <paramref name="attributesField"/>.</summary>
    private static Dictionary<string, string> DecodeAttributes(ReadOnlySpan<byte> data, int attributesField)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == attributesField && wire == 2)
            {
                var (key, value) = DecodeKeyValue(reader.ReadBytes());
                if (value is not null)
                {
                    attributes[key] = value;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return attributes;
    }

    private static (string Key, string? Value) DecodeKeyValue(ReadOnlySpan<byte> data)
    {
        string key = "";
        string? value = null;
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                key = reader.ReadString();
            }
            else if (field == 2 && wire == 2)
            {
                var any = new ProtobufReader(reader.ReadBytes());
                while (!any.AtEnd)
                {
                    var (anyField, anyWire) = any.ReadTag();
                    if (anyField == 1 && anyWire == 2)
                    {
                        value = any.ReadString();
                    }
                    else
                    {
                        any.Skip(anyWire);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (key, value);
    }
}
