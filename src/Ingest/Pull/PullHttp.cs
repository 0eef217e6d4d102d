using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Integration.Ingest.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Integration.Ingest.Pull;

/// <summary>
/// One named HttpClient per feed (<c>pull-&lt;feed&gt;</c>): its TLS settings (client certificate, a pinned server
/// certificate) and a resilience pipeline (Microsoft.Extensions.Http.Resilience on Polly 8): retries with exponential
/// backoff and jitter on timeouts, 408, 429 and 5xx; a circuit breaker that stops asking a source that keeps failing;
/// a timeout per attempt. The pipeline lives as long as the process, so the breaker remembers across runs.
/// </summary>
public static class PullHttp
{
    public static string ClientName(string feed) => "pull-" + feed;

    public static IServiceCollection AddPullClients(this IServiceCollection services)
    {
        foreach (var feed in FeedCatalog.All)
        {
            var name = ClientName(feed.Name);
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's timeouts govern
                .ConfigurePrimaryHttpMessageHandler(sp => Handler(Source(sp, feed.Name)))
                .AddResilienceHandler(name, (pipeline, context) => Resilience(pipeline, Source(context.ServiceProvider, feed.Name)));
        }

        return services;
    }

    private static PullSource Source(IServiceProvider sp, string feed) =>
        sp.GetRequiredService<IOptions<PullOptions>>().Value.Sources.GetValueOrDefault(feed) ?? new PullSource();

    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, PullSource source)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, source.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(Math.Max(0.001, source.RetryBaseSeconds)),
            ShouldRetryAfterHeader = true,
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // Polly's breaker counts a failure ratio over a window: 100 % of at least N calls is "N failures in a row".
            FailureRatio = 1.0,
            MinimumThroughput = Math.Max(2, source.BreakAfterFailures),
            SamplingDuration = TimeSpan.FromMinutes(30),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, source.BreakSeconds)),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(0.01, source.TimeoutSeconds)));
    }

    private static SocketsHttpHandler Handler(PullSource source)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None, // the landing zone keeps the bytes as delivered
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (ClientCertificate(source) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        if (source.ServerCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim() is { Length: > 0 } pinned)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                cert is not null && string.Equals(Convert.ToHexString(SHA256.HashData(cert.GetRawCertData())), pinned, StringComparison.OrdinalIgnoreCase);
        }

        return handler;
    }

    private static X509Certificate2? ClientCertificate(PullSource source)
    {
        if (string.IsNullOrWhiteSpace(source.ClientCertificatePath))
        {
            return null;
        }

        return source.ClientKeyPath.Length > 0
            ? X509Certificate2.CreateFromPemFile(source.ClientCertificatePath, source.ClientKeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(source.ClientCertificatePath, source.ClientCertificatePassword);
    }
}
