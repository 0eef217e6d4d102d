using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Integration.Core.Jobs;

namespace Integration.Core.Storage;

/// <summary>
/// One container of Azure Blob storage (or Azurite) as a blob store, over the Blob REST API with a plain
/// HttpClient: List Blobs (prefix + marker paging), Get Blob, Put Blob (single request up to
/// <see cref="SinglePutLimit"/>, Put Block + Put Block List above it, committed atomically), Get Blob
/// Properties for existence. Authorised with Shared Key or a SAS token. Network failures, throttling and
/// 5xx answers surface as <see cref="TransientJobException"/> so that a scheduled job retries them.
/// Neither the key nor the SAS ever appears in an exception, a log line or <see cref="Describe"/>.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    public const string ApiVersion = "2021-12-02";

    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    private readonly HttpClient _http;
    private readonly Uri _container;
    private readonly AzureSharedKey? _key;
    private readonly string _sas;
    private readonly TimeProvider _clock;
    private int _containerReady;

    public AzureBlobStore(AzureBlobOptions options, string container, TimeProvider? clock = null, HttpClient? http = null)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceUri))
        {
            throw new ArgumentException("Storage:Azure:ServiceUri is required for Storage:Kind=AzureBlob.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(container))
        {
            throw new ArgumentException("A container name is required (Storage:Azure:LandingContainer / RawContainer).", nameof(container));
        }

        var service = new Uri(options.ServiceUri.TrimEnd('/') + "/");
        _container = new Uri(service, Uri.EscapeDataString(container) + "/");
        Container = container;
        _http = http ?? SharedHttp;
        _clock = clock ?? TimeProvider.System;
        _sas = options.SasToken.Trim().TrimStart('?');
        if (!string.IsNullOrWhiteSpace(options.AccountKey))
        {
            _key = new AzureSharedKey(string.IsNullOrWhiteSpace(options.AccountName) ? AccountFrom(service) : options.AccountName, options.AccountKey);
        }
        else if (_sas.Length == 0)
        {
            throw new ArgumentException("Storage:Azure needs AccountKey or SasToken (from the environment, never the repository).", nameof(options));
        }
    }

    public string Container { get; }

    /// <summary>Bodies up to this size go up in one Put Blob; larger ones in blocks of <see cref="BlockSize"/>.</summary>
    public int SinglePutLimit { get; init; } = 8 * 1024 * 1024;

    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Page size for List Blobs (the service caps it at 5000).</summary>
    public int ListPageSize { get; init; } = 5000;

    public string Describe() => $"azureblob:{_container.GetLeftPart(UriPartial.Path).TrimEnd('/')}";

    public async Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var folder = NormalisePrefix(prefix);
        var items = new List<BlobItem>();
        string? marker = null;
        do
        {
            var query = "restype=container&comp=list&maxresults=" + ListPageSize.ToString(CultureInfo.InvariantCulture)
                + (folder.Length > 0 ? "&prefix=" + Uri.EscapeDataString(folder) : "")
                + (marker is { Length: > 0 } ? "&marker=" + Uri.EscapeDataString(marker) : "");
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Address(null, query)), ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return []; // no container yet: nothing has landed
            }

            await EnsureSuccessAsync(response, "list", prefix, ct);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            foreach (var blob in xml.Root!.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var props = blob.Element("Properties");
                items.Add(new BlobItem(
                    blob.Element("Name")!.Value,
                    long.Parse(props?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(props?.Element("Last-Modified")?.Value ?? "1970-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
            }

            marker = xml.Root!.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));

        return items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Address(path)), ct, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            throw new FileNotFoundException($"Blob '{path}' does not exist in {Describe()}.", path);
        }

        await EnsureSuccessAsync(response, "read", path, ct);
        return new ResponseStream(await response.Content.ReadAsStreamAsync(ct), response);
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        ValidatePath(path);

        // Read up to the single-put limit; a body that fits goes in one request.
        var limit = SinglePutLimit + 1L;
        var first = new byte[content.CanSeek ? Math.Min(limit, content.Length - content.Position + 1) : limit];
        var filled = await FillAsync(content, first, ct);
        if (filled <= SinglePutLimit)
        {
            using var put = await SendCreatingContainerAsync(() => BlobPut(path, new ByteArrayContent(first, 0, filled)), ct);
            await EnsureSuccessAsync(put, "write", path, ct);
            return;
        }

        // Large body: uncommitted blocks, then one Put Block List. Readers see the old blob (or none) until the commit.
        var blockIds = new List<string>();
        var pending = new MemoryStream(first, 0, filled, writable: false);
        var buffer = new byte[BlockSize];
        while (true)
        {
            var n = await FillAsync(pending, buffer, ct);
            if (n < buffer.Length)
            {
                n += await FillAsync(content, buffer.AsMemory(n), ct);
            }

            if (n == 0)
            {
                break;
            }

            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
            var block = buffer[..n];
            using var response = await SendCreatingContainerAsync(
                () => new HttpRequestMessage(HttpMethod.Put, Address(path, "comp=block&blockid=" + Uri.EscapeDataString(id))) { Content = new ByteArrayContent(block) },
                ct);
            await EnsureSuccessAsync(response, "write block of", path, ct);
            blockIds.Add(id);
        }

        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + list.ToString(SaveOptions.DisableFormatting));
        using var commit = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, Address(path, "comp=blocklist")) { Content = new ByteArrayContent(body) },
            ct);
        await EnsureSuccessAsync(commit, "commit block list of", path, ct);
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, Address(path)), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "check", path, ct);
        return true;
    }

    /// <summary>Creates the container if it does not exist (idempotent; done once per store before the first write).</summary>
    public async Task EnsureContainerAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }

        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Address(null, "restype=container")), ct);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            await EnsureSuccessAsync(response, "create container", "", ct);
        }

        Volatile.Write(ref _containerReady, 1);
    }

    /// <summary>
    /// Sends a write; when the container does not exist yet, creates it and sends again. Creating only on demand
    /// lets a SAS scoped to an existing container (no create permission) write.
    /// </summary>
    private async Task<HttpResponseMessage> SendCreatingContainerAsync(Func<HttpRequestMessage> create, CancellationToken ct)
    {
        var response = await SendAsync(create, ct);
        if (response.StatusCode != HttpStatusCode.NotFound
            || !response.Headers.TryGetValues("x-ms-error-code", out var codes) || !codes.Contains("ContainerNotFound"))
        {
            return response;
        }

        response.Dispose();
        Volatile.Write(ref _containerReady, 0);
        await EnsureContainerAsync(ct);
        return await SendAsync(create, ct);
    }

    private HttpRequestMessage BlobPut(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Address(path)) { Content = content };
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        return request;
    }

    private Uri Address(string? path, string? query = null)
    {
        var relative = path is null ? "" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var q = string.Join('&', new[] { query, _key is null ? _sas : null }.Where(s => !string.IsNullOrEmpty(s)));
        return new Uri(_container, relative + (q.Length > 0 ? "?" + q : ""));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken ct, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = create();
        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        _key?.Sign(request, _clock.GetUtcNow());
        try
        {
            return await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException e)
        {
            throw new TransientJobException($"Blob storage {Describe()} unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TransientJobException($"Blob storage {Describe()} timed out.", e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string path, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        if (code is null && response.RequestMessage?.Method != HttpMethod.Head)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            code = TryErrorCode(body);
        }

        var message = $"Blob storage {Describe()}: {operation} '{path}' failed with {(int)response.StatusCode} {response.ReasonPhrase} ({code ?? "no error code"}).";
        var status = (int)response.StatusCode;
        if (status is 408 or 429 or >= 500)
        {
            throw new TransientJobException(message);
        }

        throw new InvalidOperationException(message);
    }

    private static string? TryErrorCode(string body)
    {
        try
        {
            return XDocument.Parse(body).Root?.Element("Code")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await source.ReadAsync(buffer[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static string NormalisePrefix(string prefix)
    {
        var p = prefix.Replace('\\', '/').Trim('/');
        return p.Length == 0 ? "" : p + "/"; // a folder, as in the local store: "moc-licences" must not match "moc-licences-old/"
    }

    private static void ValidatePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith('/') || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Blob path '{path}' must be relative, '/'-separated, without empty, '.' or '..' segments.", nameof(path));
        }
    }

    /// <summary>Account name from the endpoint: the first host label (acct.blob.core.windows.net) or, for Azurite, the first path segment.</summary>
    private static string AccountFrom(Uri service)
    {
        var segments = service.AbsolutePath.Trim('/');
        return segments.Length > 0 ? segments.Split('/')[0] : service.Host.Split('.')[0];
    }

    /// <summary>The response body stream; disposing it releases the HTTP response.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.Content.Headers.ContentLength ?? throw new NotSupportedException();

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
