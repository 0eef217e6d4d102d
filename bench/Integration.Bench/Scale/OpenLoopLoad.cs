using System.Diagnostics;
using System.Net;

namespace Integration.Bench.Scale;

/// <summary>One request of an open-loop load: when it was due, how long it took from then, and whether it was answered as expected.</summary>
public readonly record struct Sample(double DueSeconds, double LatencyMs, bool Ok);

/// <summary>
/// Licence checks over HTTP at a fixed rate, whatever happened to earlier ones (open loop): request i is due at
/// start + i / rate, and its latency counts from then, so a stalled server cannot hide its queue (no coordinated
/// omission). A dedicated thread wakes every millisecond (no spinning: it shares the cores with the server) and sends
/// every request that is due. Runs until stopped; every sample keeps its due time, so a caller cuts the timeline into
/// phases afterwards.
/// </summary>
public sealed class OpenLoopLoad : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string[] _numbers;
    private readonly double _ticksPerRequest;
    private readonly Stopwatch _clock = new();
    private readonly List<Task<Sample>> _pending = [];
    private readonly Random _random;
    private readonly Thread _dispatcher;
    private readonly bool _acceptUnknown;
    private volatile bool _stop;

    /// <param name="acceptUnknown">A 404 (number not loaded yet) counts as answered: while the first ingest runs, the register is still empty.</param>
    public OpenLoopLoad(Uri server, string[] numbers, int rate, int seed, bool acceptUnknown = false)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _numbers = numbers;
        _ticksPerRequest = (double)Stopwatch.Frequency / rate;
        _random = new Random(seed);
        _acceptUnknown = acceptUnknown;
        _dispatcher = new Thread(Dispatch) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop" };
    }

    /// <summary>Seconds since the load started (the time base of <see cref="Sample.DueSeconds"/>).</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Greatest delay between a request's due time and its sending: the load generator's own lag.</summary>
    public double MaxSendLagMs { get; private set; }

    public void Start()
    {
        _clock.Start();
        _dispatcher.Start();
    }

    /// <summary>Stops sending and waits for every request sent to be answered.</summary>
    public async Task<Sample[]> StopAsync()
    {
        _stop = true;
        await Task.Run(_dispatcher.Join);
        Task<Sample>[] all;
        lock (_pending)
        {
            all = [.. _pending];
        }

        return await Task.WhenAll(all);
    }

    private void Dispatch()
    {
        var next = 0L;
        while (!_stop)
        {
            var now = _clock.ElapsedTicks;
            while ((long)(next * _ticksPerRequest) <= now)
            {
                var due = (long)(next * _ticksPerRequest);
                MaxSendLagMs = Math.Max(MaxSendLagMs, Ms(now - due));
                var task = Send(due, _numbers[_random.Next(_numbers.Length)]);
                lock (_pending)
                {
                    _pending.Add(task);
                }

                next++;
            }

            Thread.Sleep(1);
        }
    }

    private async Task<Sample> Send(long due, string number)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/api/licence-checks/" + Uri.EscapeDataString(number), UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            var ok = response.StatusCode == HttpStatusCode.OK || (_acceptUnknown && response.StatusCode == HttpStatusCode.NotFound);
            return new Sample(Seconds(due), Ms(_clock.ElapsedTicks - due), ok);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sample(Seconds(due), Ms(_clock.ElapsedTicks - due), false);
        }
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    public async ValueTask DisposeAsync()
    {
        if (_dispatcher.IsAlive)
        {
            await StopAsync();
        }

        _http.Dispose();
    }
}
