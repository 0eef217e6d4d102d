using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Integration.Core.Jobs;
using Integration.Core.Storage;
using Integration.TestSupport;

namespace Integration.Host.Tests.Storage;

/// <summary>The blob store (Azure SDK) against a real Azurite, with a connection string, Shared Key and SAS tokens.</summary>
public class AzureBlobStoreTests
{
    public enum Auth
    {
        ConnectionString,
        SharedKey,
        AccountSas,
        ContainerSas,
    }

    public static TheoryData<Auth> Auths => new() { Auth.ConnectionString, Auth.SharedKey, Auth.AccountSas, Auth.ContainerSas };

    [Theory]
    [MemberData(nameof(Auths))]
    public async Task Writes_reads_lists_and_checks_blobs(Auth auth)
    {
        var store = await StoreAsync(auth);
        var body = "registration_no,name_en\nR-1,Sokha Trading\n"u8.ToArray();

        await store.WriteAsync("moc-licences/2026-11-01.csv", new MemoryStream(body));
        await store.WriteAsync("moc-licences/sub dir/ខ្មែរ 2026.csv", new MemoryStream("x"u8.ToArray()));
        await store.WriteAsync("moc-licences-old/ignored.csv", new MemoryStream("y"u8.ToArray()));

        Assert.True(await store.ExistsAsync("moc-licences/2026-11-01.csv"));
        Assert.False(await store.ExistsAsync("moc-licences/missing.csv"));
        await using (var read = await store.OpenReadAsync("moc-licences/2026-11-01.csv"))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(body, copy.ToArray());
        }

        var listed = await store.ListAsync("moc-licences");
        Assert.Equal(["moc-licences/2026-11-01.csv", "moc-licences/sub dir/ខ្មែរ 2026.csv"], listed.Select(b => b.Path));
        Assert.Equal(body.Length, listed[0].Size);
        Assert.Equal(3, (await store.ListAsync("")).Count);
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync("moc-licences/missing.csv"));
    }

    [Theory]
    [MemberData(nameof(Auths))]
    public async Task Listing_follows_continuation_markers(Auth auth)
    {
        var store = await StoreAsync(auth, listPageSize: 3);
        var names = Enumerable.Range(0, 11).Select(i => $"gdt-taxpayers/part-{i:D2}.csv").ToList();
        foreach (var name in names)
        {
            await store.WriteAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(name)));
        }

        var listed = await store.ListAsync("gdt-taxpayers/");

        Assert.Equal(names, listed.Select(b => b.Path));
    }

    [Theory]
    [MemberData(nameof(Auths))]
    public async Task Large_bodies_go_up_in_blocks_and_read_back_whole(Auth auth)
    {
        var store = await StoreAsync(auth, singlePutLimit: 64 * 1024, blockSize: 20 * 1024);
        var data = new byte[300 * 1024 + 17];
        new Random(7).NextBytes(data);

        await store.WriteAsync("nssf-contributions/big.csv", new NonSeekable(data));   // length unknown up front
        await store.WriteAsync("nssf-contributions/exact.csv", new MemoryStream(data, 0, 64 * 1024)); // exactly at the limit

        await using var read = await store.OpenReadAsync("nssf-contributions/big.csv");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
        var sizes = (await store.ListAsync("nssf-contributions")).ToDictionary(b => b.Path, b => b.Size);
        Assert.Equal(data.Length, sizes["nssf-contributions/big.csv"]);
        Assert.Equal(64 * 1024, sizes["nssf-contributions/exact.csv"]);
        var container = AzureBlobClients.Container(SharedKeyOptions(), store.Container);
        var blocks = await container.GetBlockBlobClient("nssf-contributions/big.csv").GetBlockListAsync(BlockListTypes.Committed);
        Assert.True(blocks.Value.CommittedBlocks.Count() >= 15, $"{blocks.Value.CommittedBlocks.Count()} blocks"); // 300 KiB in 20 KiB blocks
        var single = await container.GetBlockBlobClient("nssf-contributions/exact.csv").GetBlockListAsync(BlockListTypes.Committed);
        Assert.Empty(single.Value.CommittedBlocks); // one Put Blob, no blocks
    }

    [Fact]
    public async Task A_missing_container_lists_empty_and_is_created_on_first_write()
    {
        var container = NewContainer();
        var store = new AzureBlobStore(SharedKeyOptions(), container);

        Assert.Empty(await store.ListAsync("moc-licences"));
        await store.WriteAsync("moc-licences/a.csv", new MemoryStream("a"u8.ToArray()));
        Assert.Single(await store.ListAsync("moc-licences"));
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_a_message_that_hides_them()
    {
        var options = SharedKeyOptions();
        options.AccountKey = Convert.ToBase64String(new byte[64]);
        var store = new AzureBlobStore(options, NewContainer());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("a/b.csv", new MemoryStream("x"u8.ToArray())));

        Assert.Contains("403", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.AccountKey, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_SAS_cannot_write()
    {
        var container = NewContainer();
        await new AzureBlobStore(SharedKeyOptions(), container).EnsureContainerAsync();
        var sas = AzureSas.Container(TestServices.AzuriteAccount, TestServices.AzuriteKey, container, "rl", DateTimeOffset.UtcNow.AddHours(1));
        var store = new AzureBlobStore(new AzureBlobOptions { ServiceUri = TestServices.AzuriteBlobEndpoint, SasToken = sas }, container);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("a/b.csv", new MemoryStream("x"u8.ToArray())));

        Assert.Contains("403", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("a"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task An_unreachable_endpoint_is_a_transient_failure(int retries)
    {
        var options = SharedKeyOptions();
        options.ServiceUri = "http://127.0.0.1:9/devstoreaccount1"; // discard port: nothing listens
        var client = new BlobClientOptions { Retry = { MaxRetries = retries, Delay = TimeSpan.FromMilliseconds(10) } };
        var store = new AzureBlobStore(options, "landing", client);

        var e = await Assert.ThrowsAsync<TransientJobException>(() => store.ListAsync("moc-licences"));
        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TransientJobException>(() => store.WriteAsync("moc-licences/a.csv", new MemoryStream("a"u8.ToArray())));
    }

    [Theory]
    [InlineData("AccountKey", "SasToken")]
    [InlineData("ConnectionString", "Credential")]
    [InlineData(null, null)]
    public void Exactly_one_way_in_is_accepted(string? first, string? second)
    {
        var options = new AzureBlobOptions { ServiceUri = TestServices.AzuriteBlobEndpoint };
        foreach (var way in new[] { first, second }.OfType<string>())
        {
            _ = way switch
            {
                "AccountKey" => options.AccountKey = TestServices.AzuriteKey,
                "SasToken" => options.SasToken = "sv=2021-12-02&sig=x",
                "ConnectionString" => options.ConnectionString = "UseDevelopmentStorage=true",
                _ => (options.Credential = AzureCredential.ManagedIdentity).ToString(),
            };
        }

        var e = Assert.Throws<ArgumentException>(() => new AzureBlobStore(options, "landing"));

        Assert.Contains(first is null ? "none is set" : $"set are: {first}, {second}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServices.AzuriteKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_kind_AzureBlob_selects_two_containers_and_describes_them_without_secrets()
    {
        var options = new StorageOptions { Kind = StorageKind.AzureBlob, Azure = SharedKeyOptions() };
        options.Azure.LandingContainer = "landing-test";
        options.Azure.RawContainer = "raw-test";

        var zones = BlobZones.Create(options);

        Assert.Equal(TestServices.AzuriteBlobEndpoint.Replace("http:", "azureblob:http:", StringComparison.Ordinal) + "/landing-test", zones.Landing.Describe());
        Assert.EndsWith("/raw-test", zones.Raw.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestServices.AzuriteKey, zones.Landing.Describe() + zones.Raw.Describe(), StringComparison.Ordinal);
    }

    internal static AzureBlobOptions SharedKeyOptions() => new()
    {
        ServiceUri = TestServices.AzuriteBlobEndpoint,
        AccountName = TestServices.AzuriteAccount,
        AccountKey = TestServices.AzuriteKey,
    };

    /// <summary>The account-key connection string an Azure portal shows, pointed at Azurite.</summary>
    internal static string ConnectionString() =>
        $"DefaultEndpointsProtocol=http;AccountName={TestServices.AzuriteAccount};AccountKey={TestServices.AzuriteKey};BlobEndpoint={TestServices.AzuriteBlobEndpoint};";

    internal static string NewContainer() => "t" + Guid.NewGuid().ToString("N")[..20];

    private static async Task<AzureBlobStore> StoreAsync(Auth auth, int listPageSize = 5000, int singlePutLimit = 8 * 1024 * 1024, int blockSize = 4 * 1024 * 1024)
    {
        var container = NewContainer();
        await new AzureBlobStore(SharedKeyOptions(), container).EnsureContainerAsync();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);
        var options = auth switch
        {
            Auth.ConnectionString => new AzureBlobOptions { ConnectionString = ConnectionString() },
            Auth.SharedKey => SharedKeyOptions(),
            Auth.AccountSas => new AzureBlobOptions { ServiceUri = TestServices.AzuriteBlobEndpoint, SasToken = AzureSas.Account(TestServices.AzuriteAccount, TestServices.AzuriteKey, "rwdlac", expiry) },
            _ => new AzureBlobOptions { ServiceUri = TestServices.AzuriteBlobEndpoint, SasToken = "?" + AzureSas.Container(TestServices.AzuriteAccount, TestServices.AzuriteKey, container, "racwdl", expiry) },
        };
        return new AzureBlobStore(options, container) { ListPageSize = listPageSize, SinglePutLimit = singlePutLimit, BlockSize = blockSize };
    }

    /// <summary>A stream that cannot tell its length, like a network or gzip stream.</summary>
    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
