namespace Velero.KubeEmulator.Admission;

/// <summary>Hands out cluster IPs from 10.96.0.0/12 and node ports from 30000-32767, like the real allocators.</summary>
public sealed class ServiceAllocator
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ips = ["10.96.0.1"];
    private readonly HashSet<int> _ports = [];
    private int _nextIp = 10;
    private int _nextPort = 30000;

    public string NextClusterIp()
    {
        lock (_gate)
        {
            while (true)
            {
                var n = _nextIp++;
                var ip = $"10.{96 + (n >> 16 & 0x0f)}.{n >> 8 & 0xff}.{n & 0xff}";
                if ((n & 0xff) != 0 && _ips.Add(ip))
                {
                    return ip;
                }
            }
        }
    }

    public void Reserve(string ip)
    {
        lock (_gate)
        {
            _ips.Add(ip);
        }
    }

    public int NextNodePort()
    {
        lock (_gate)
        {
            for (var i = 0; i < 2768; i++)
            {
                var port = _nextPort;
                _nextPort = _nextPort >= 32767 ? 30000 : _nextPort + 1;
                if (_ports.Add(port))
                {
                    return port;
                }
            }

            throw new Api.ApiException(422, "Invalid", "range is full: no more node ports available");
        }
    }

    public void ReservePort(int port)
    {
        lock (_gate)
        {
            _ports.Add(port);
        }
    }
}
