using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Integration.Core.Jobs;

namespace Integration.Core.Storage;

/// <summary>
/// One container of Azure Blob storage (or Azurite) as a blob store, through the Azure SDK (Azure.Storage.Blobs):
/// its retries, its block uploads (a large body goes up in uncommitted blocks and appears whole at the commit) and
/// its resuming download stream. What this class adds is the store's contract: folder-style prefixes, a missing
/// container read as empty, and failures as <see cref="TransientJobException"/> (unreachable, throttled, 5xx, so a
/// scheduled job retries) or <see cref="InvalidOperationException"/> (refused: wrong credentials, missing rights),
/// with messages that never carry a key or a SAS.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;
    private int _containerReady;

    public AzureBlobStore(AzureBlobOptions options, string container, BlobClientOptions? clientOptions = null)
        : this(AzureBlobClients.Container(options, container, clientOptions))
    {
    }

    public AzureBlobStore(BlobContainerClient container)
    {
        _container = container;
    }

    public string Container => _container.Name;

    /// <summary>Bodies of a known length up to this size go up in one Put Blob; larger ones (and streams of unknown length) in blocks of <see cref="BlockSize"/>.</summary>
    public int SinglePutLimit { get; init; } = 8 * 1024 * 1024;

    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Page size for List Blobs (the service caps it at 5000).</summary>
    public int ListPageSize { get; init; } = 5000;

    /// <summary>The container's address without its query, so never a SAS.</summary>
    public string Describe() => "azureblob:" + _container.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public async Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var folder = NormalisePrefix(prefix);
        var items = new List<BlobItem>();
        try
        {
            var pages = _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder.Length > 0 ? folder : null, ct)
                .AsPages(pageSizeHint: ListPageSize);
            await foreach (var page in pages)
            {
                items.AddRange(page.Values.Select(b => new BlobItem(b.Name, b.Properties.ContentLength ?? 0, b.Properties.LastModified ?? DateTimeOffset.UnixEpoch)));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return []; // no container yet: nothing has landed
        }
        catch (Exception e) when (Failure("list", prefix, e, ct) is { } mapped)
        {
            throw mapped;
        }

        return items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken ct = default)
    {
        try
        {
            var download = await Blob(path).DownloadStreamingAsync(new BlobDownloadOptions(), ct);
            return new MappedStream(download.Value.Content, this, path);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Blob '{path}' does not exist in {Describe()}.", path, e);
        }
        catch (Exception e) when (Failure("read", path, e, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        ValidatePath(path);
        await EnsureContainerAsync(ct);
        var options = new BlobUploadOptions
        {
            // The SDK puts in one request only bodies shorter than InitialTransferSize, and stages blocks when the length is unknown.
            TransferOptions = new StorageTransferOptions { InitialTransferSize = SinglePutLimit + 1L, MaximumTransferSize = BlockSize, MaximumConcurrency = 2 },
        };
        try
        {
            await Blob(path).UploadAsync(content, options, ct);
        }
        catch (Exception e) when (Failure("write", path, e, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken ct = default)
    {
        try
        {
            return (await Blob(path).ExistsAsync(ct)).Value;
        }
        catch (Exception e) when (Failure("check", path, e, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>
    /// Creates the container if it does not exist (once per store, before the first write). A refusal is not an
    /// error here: a SAS scoped to an existing container may write without the right to create one, and a write
    /// that really cannot happen fails on its own with the service's reason.
    /// </summary>
    public async Task EnsureContainerAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }

        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // Left to the write (see above).
        }
        catch (Exception e) when (Failure("create container", "", e, ct) is { } mapped)
        {
            throw mapped;
        }

        Volatile.Write(ref _containerReady, 1);
    }

    private BlobClient Blob(string path) => _container.GetBlobClient(path);

    /// <summary>
    /// The store's exception for an SDK failure, or null to let it pass (the caller's own cancellation, our own
    /// exceptions). Only the status and the service's error code are quoted: the SDK's own message lists request
    /// headers, which is more than an operator's log needs.
    /// </summary>
    private Exception? Failure(string operation, string path, Exception e, CancellationToken ct)
    {
        var what = $"Blob storage {Describe()}: {operation} '{path}'";
        switch (e)
        {
            case RequestFailedException { Status: 0 } r:
                return new TransientJobException($"{what}: unreachable ({r.InnerException?.Message ?? "no response"}).", e);
            case RequestFailedException r:
                var message = $"{what} failed with {r.Status} ({r.ErrorCode ?? "no error code"}).";
                return r.Status is 408 or 429 or >= 500 ? new TransientJobException(message, e) : new InvalidOperationException(message, e);
            case AggregateException a when a.InnerExceptions.All(i => i is RequestFailedException or IOException or OperationCanceledException):
                // The SDK's retry policy gave up: every try failed on the network or with a retriable status.
                return new TransientJobException($"{what}: unreachable after {a.InnerExceptions.Count} tries ({a.InnerExceptions[^1].Message.Split('\n')[0]}).", e);
            case OperationCanceledException when !ct.IsCancellationRequested:
                return new TransientJobException($"{what} timed out.", e);
            case IOException:
                return new TransientJobException($"{what}: connection lost ({e.Message}).", e);
            default:
                return null;
        }
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

    /// <summary>The SDK's download stream (which resumes by itself after a dropped connection), with its final failures mapped like every other call's.</summary>
    private sealed class MappedStream(Stream inner, AzureBlobStore store, string path) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception e) when (store.Failure("read", path, e, CancellationToken.None) is { } mapped)
            {
                throw mapped;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (store.Failure("read", path, e, cancellationToken) is { } mapped)
            {
                throw mapped;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
            }

            base.Dispose(disposing);
        }
    }
}
