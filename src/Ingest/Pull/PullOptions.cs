namespace Integration.Ingest.Pull;

/// <summary>How a source splits an extract over several responses.</summary>
internal enum PagingKind
{
    /// <summary>One response holds the whole extract.</summary>
    None,

    /// <summary>Pages 1, 2, ... in a query parameter, until a page holds no data row (CSV: header only; JSONL: empty).</summary>
    PageNumber,
}

/// <summary>
/// Bound from <c>Pull</c>: where each feed's extract is fetched from. Sources, URLs, credential names and (in
/// <c>Schedule:Jobs:pull-&lt;feed&gt;</c>) schedules are configuration; secrets come from the environment or Key
/// Vault references (<c>Pull__Sources__moc-licences__ApiKey</c>), never from a file in the repository.
/// </summary>
internal sealed class PullOptions
{
    public const string Section = "Pull";

    /// <summary>Local folder for partial downloads, kept between attempts so a cut transfer resumes (Range).</summary>
    public string WorkPath { get; set; } = "data/pull";

    /// <summary>Feed name to its source; a feed without one has a pull job that does nothing.</summary>
    public Dictionary<string, PullSource> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One ministry endpoint, reached over HTTPS with an API key, a client certificate (as CamDX / X-Road services are), or both.</summary>
internal sealed class PullSource
{
    /// <summary>The extract's address, e.g. https://camdx.gov.kh/r1/KH/GOV/MOC/LICENCES/extract?format=csv.</summary>
    public string Url { get; set; } = "";

    /// <summary>Plain HTTP only when set: for a source on loopback or inside a trusted network. HTTPS otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Secret: from the environment or a Key Vault reference.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Client certificate as PKCS#12 (.pfx) with <see cref="ClientCertificatePassword"/>, or PEM with <see cref="ClientKeyPath"/>.</summary>
    public string ClientCertificatePath { get; set; } = "";

    public string ClientKeyPath { get; set; } = "";

    /// <summary>Secret, for a .pfx.</summary>
    public string ClientCertificatePassword { get; set; } = "";

    /// <summary>SHA-256 thumbprint (hex) of the server certificate to trust when it is not from a public CA (an X-Road security server's own).</summary>
    public string ServerCertificateSha256 { get; set; } = "";

    /// <summary>X-Road's client identifier header (X-Road-Client: INSTANCE/CLASS/MEMBER/SUBSYSTEM), sent when set.</summary>
    public string XRoadClient { get; set; } = "";

    public PagingKind Paging { get; set; } = PagingKind.None;

    public string PageParameter { get; set; } = "page";

    /// <summary>Sent as <c>pageSize</c> (or <see cref="PageSizeParameter"/>) when greater than 0.</summary>
    public int PageSize { get; set; }

    public string PageSizeParameter { get; set; } = "pageSize";

    /// <summary>Stop after this many pages whatever the source says (a safety bound, not a limit of the data).</summary>
    public int MaxPages { get; set; } = 10_000;

    /// <summary>Per request, until the response headers arrive.</summary>
    public double TimeoutSeconds { get; set; } = 100;

    /// <summary>Tries per request on a timeout, 408, 429 or 5xx, with exponential backoff and jitter.</summary>
    public int MaxAttempts { get; set; } = 4;

    public double RetryBaseSeconds { get; set; } = 2;

    /// <summary>Consecutive failed requests (after retries) that open the circuit: the source is not asked again for <see cref="BreakSeconds"/>.</summary>
    public int BreakAfterFailures { get; set; } = 5;

    public double BreakSeconds { get; set; } = 300;

    /// <summary>Transfers of one body resumed after a cut connection before the pull gives up.</summary>
    public int ResumeAttempts { get; set; } = 5;

    /// <summary>Consecutive failed pulls after which each further one logs and reports an alert line.</summary>
    public int AlertAfterFailedPulls { get; set; } = 3;
}
