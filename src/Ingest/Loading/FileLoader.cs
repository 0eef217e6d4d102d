// Over 300 lines: one file applied in one transaction; the reading, validation, removal guard and commit share that transaction's state.
using System.Data.Common;
using System.IO.Compression;
using System.Text;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Core.Storage;
using Integration.Ingest.Feeds;
using Integration.Ingest.Reading;
using Integration.Ingest.Runs;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Loading;

/// <summary>Where a file is and what is known about it when it is loaded.</summary>
/// <param name="ConfirmedHeldFileId">A held snapshot an operator confirmed: applied under its own file id, past the removal guard.</param>
internal sealed record FileToLoad(LandingFile File, string Sha256, string RawPath, string RunId, DateTimeOffset ReceivedAt, long? ConfirmedHeldFileId = null);

/// <summary>
/// Applies one delivered file in ONE database transaction: the source_files row, every loaded and
/// quarantined row, the history and the removals commit together or not at all. A crash or kill mid-file
/// leaves the database as it was before the file, and the next run processes the file again. A snapshot that
/// would remove too much of its feed (<see cref="RemovalGuardOptions"/>) is rolled back the same way and HELD.
/// </summary>
internal sealed class FileLoader(Db db, BlobZones zones, IngestOptions options, DateRules dates)
{
    /// <summary>Strict: invalid bytes throw instead of becoming U+FFFD. No preamble: a BOM is stripped by the readers.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Test hook: called before each record is applied, with the file and the record's line (simulates a crash).</summary>
    internal Action<LandingFile, long>? BeforeRecord { get; set; }

    /// <summary>Called every 10,000 records with the records read so far.</summary>
    internal Action<long>? OnProgress { get; set; }

    public async Task<FileOutcome> LoadAsync(FileToLoad item, FeedState state, CancellationToken ct)
    {
        var file = item.File;
        var feed = FeedCatalog.Get(file.Feed);
        var label = file.Path;
        await using var conn = await db.OpenAsync(ct);
        if (!db.Dialect.IsPostgres)
        {
            // A national snapshot inserts ~500k keys into the primary-key and history indexes in random order; with
            // SQLite's default 2 MB page cache that is disk-bound. 256 MB keeps the indexes in memory (per connection).
            // Each monthly append rewrites most leaf pages of the (nssf_id, period) and history key indexes; checkpointing
            // the WAL after every such commit (default: at 1000 pages) wrote them twice per file. The loading connection
            // lets the WAL grow to ~400 MB instead; IngestService checkpoints after each feed.
            conn.Execute($"PRAGMA main.cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = {LoadingWalPages}");
        }

        // The connection goes back to the pool for other work (the match run after ingest, in one host process):
        // with its defaults again and its 256 MB of cached pages given back (national scale: ~300 MB resident).
        using var restore = db.Dialect.IsPostgres ? null : new Restore(() =>
            conn.Execute("PRAGMA main.cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA wal_autocheckpoint = 1000; PRAGMA shrink_memory"));

        var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            var stale = feed.IsSnapshot && state.LatestSnapshot is { } latest && file.AsOf < latest;
            var args = new
            {
                feed = feed.Name, path = file.Path, sha = item.Sha256, size = file.Size, raw = item.RawPath,
                asOf = IsoDate.Format(file.AsOf), asOfSource = file.AsOfSource, receivedAt = item.ReceivedAt.ToString("O"), runId = item.RunId,
                held = item.ConfirmedHeldFileId,
            };
            var fileId = item.ConfirmedHeldFileId is { } heldId
                ? conn.Execute("UPDATE source_files SET status = 'LOADING', run_id = @runId, received_at = @receivedAt, error = NULL WHERE file_id = @held", args, tx) == 1
                    ? heldId
                    : throw new InvalidOperationException($"Held file {heldId} is gone from source_files.")
                : conn.ExecuteScalar<long>(
                    """
                    INSERT INTO source_files (feed, landing_path, sha256, size_bytes, raw_path, as_of, as_of_source, received_at, run_id, status)
                    VALUES (@feed, @path, @sha, @size, @raw, @asOf, @asOfSource, @receivedAt, @runId, 'LOADING') RETURNING file_id
                    """,
                    args,
                    tx);

            await using var stream = await OpenAsync(item, ct);
            using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            IRecordSource source = file.Format == SourceFormat.Csv
                ? new CsvRecordSource(text, label, feed, options)
                : new JsonlRecordSource(text, label, feed, options);
            using var writer = new PipelinedFeedWriter(db.Dialect.IsPostgres
                ? new PostgresFeedWriter((Npgsql.NpgsqlConnection)conn, (Npgsql.NpgsqlTransaction)tx, feed, fileId, file.AsOf)
                : new SqliteFeedWriter((Microsoft.Data.Sqlite.SqliteConnection)conn, feed, fileId, file.AsOf));
            var guard = item.ConfirmedHeldFileId is null ? options.RemovalGuard : null;
            var apply = new FileApply(feed, file, state, stale, writer, new RowValidator(feed, label, options.Limits, dates, file.AsOf), guard);
            {
                foreach (var record in source.Records())
                {
                    BeforeRecord?.Invoke(file, record.Line);
                    apply.Record(record, label);
                    if (apply.Read % 10_000 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        OnProgress?.Invoke(apply.Read);
                    }
                }

                if (apply.Read == 0 && feed.IsSnapshot)
                {
                    throw new FileRejectedException($"{label}: a header and no rows; as a full snapshot it would remove every {feed.Name} record (EMPTY_FILE)");
                }

                apply.Finish();
                writer.Complete();
            }

            if (apply.Read != apply.Loaded + apply.Quarantined)
            {
                throw new InvalidOperationException($"{label}: {apply.Read} rows read but {apply.Loaded} loaded + {apply.Quarantined} quarantined.");
            }

            var status = stale ? FileStatus.Stale : FileStatus.Loaded;
            var unknown = source.UnknownColumns.ToList();
            conn.Execute(
                """
                UPDATE source_files SET status = @status, rows_read = @read, rows_loaded = @loaded, rows_quarantined = @quarantined,
                    unknown_columns = @unknown WHERE file_id = @fileId
                """,
                new { status, read = apply.Read, loaded = apply.Loaded, quarantined = apply.Quarantined, unknown = unknown.Count == 0 ? null : string.Join('|', unknown), fileId },
                tx);
            await tx.CommitAsync(ct);
            state.Commit(apply.Pending, feed.IsSnapshot && !stale ? file.AsOf : null);
            return new FileOutcome(feed.Name, file.Path, status, fileId, item.Sha256, IsoDate.Format(file.AsOf), apply.Read, apply.Loaded, apply.Quarantined, unknown, null, apply.Changes());
        }
        catch (Exception e)
        {
            await tx.AbandonAsync(); // never "cannot rollback" in place of the error that stopped the file
            if (e is SnapshotHeldException held)
            {
                return new FileOutcome(feed.Name, file.Path, FileStatus.Held, null, item.Sha256, IsoDate.Format(file.AsOf), 0, 0, 0, [], held.Message,
                    FileChanges.None with { Removed = held.Removed });
            }

            if (Rejection(e, item) is { } reason)
            {
                return new FileOutcome(feed.Name, file.Path, FileStatus.Rejected, null, item.Sha256, IsoDate.Format(file.AsOf), 0, 0, 0, [], reason, FileChanges.None);
            }

            throw;
        }
        finally
        {
            await tx.DisposeAsync();
        }
    }

    /// <summary>WAL size (pages) at which a commit of the loading connection checkpoints.</summary>
    public const int LoadingWalPages = 100_000;

    /// <summary>The file's bytes as delivered (decompressed), cut off past Ingest:Limits:MaxFileBytes.</summary>
    private async Task<Stream> OpenAsync(FileToLoad item, CancellationToken ct)
    {
        var raw = await zones.Raw.OpenReadAsync(item.RawPath, ct);
        var content = item.File.Gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        return new BoundedReadStream(content, options.Limits.MaxFileBytes, () => new FileRejectedException(
            $"{item.File.Path}: more than {options.Limits.MaxFileBytes:N0} bytes{(item.File.Gzip ? " once decompressed" : "")} (limit Ingest:Limits:MaxFileBytes) (FILE_TOO_LARGE)"));
    }

    /// <summary>The sentence for a whole-file rejection, or null when the exception is not about the file's content.</summary>
    private string? Rejection(Exception e, FileToLoad item) => e switch
    {
        FileRejectedException r => r.Message,
        DecoderFallbackException => NotUtf8(item),
        InvalidDataException when item.File.Gzip => $"{item.File.Path}: not a valid gzip file ({e.Message}) (BAD_GZIP)",
        EndOfStreamException when item.File.Gzip => $"{item.File.Path}: the gzip stream ends early (TRUNCATED)",
        _ => null,
    };

    private string NotUtf8(FileToLoad item)
    {
        using var stream = OpenAsync(item, CancellationToken.None).GetAwaiter().GetResult();
        var at = Utf8Locator.FindFirstInvalid(stream);
        return at is { } a
            ? $"{item.File.Path} line {a.Line}: not UTF-8 (invalid byte sequence at byte {a.Offset}); re-export the file as UTF-8 (NOT_UTF8)"
            : $"{item.File.Path}: not UTF-8 (NOT_UTF8)";
    }

    /// <summary>The per-row decisions for one file: quarantine, insert, update, touch, remove, and their history.</summary>
    private sealed class FileApply(FeedDefinition feed, LandingFile file, FeedState state, bool stale, IFeedWriter writer, RowValidator validator, RemovalGuardOptions? guard)
    {
        private readonly RowValidator _validator = validator;
        private readonly RowHasher _hasher = new();
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private readonly int _asOfDay = file.AsOf.DayNumber;
        private long _new;
        private long _changed;
        private long _removed;
        private long _reappeared;
        private long _corrected;
        private long _unchanged;

        public long Read { get; private set; }

        public long Loaded { get; private set; }

        public long Quarantined { get; private set; }

        /// <summary>Field-level repairs of loaded rows (field_warnings).</summary>
        public long FieldWarnings { get; private set; }

        /// <summary>Key states to take over once the transaction commits.</summary>
        public Dictionary<string, KeyState> Pending { get; } = new(StringComparer.Ordinal);

        public FileChanges Changes() => new(_new, _changed, _removed, _reappeared, _corrected, _unchanged);

        public void Record(SourceRecord record, string label)
        {
            Read++;
            var row = new ParsedRow(feed.Columns.Count); // handed to the writer, so one per row
            var problem = _validator.Validate(record, row);
            var key = problem?.Reason == QuarantineReason.MissingKey ? null : row.Key;
            if (key is not null && !_seen.TryAdd(key, record.Line))
            {
                // A second row for one key in one file: which is right would be a guess, so the first stands.
                problem = new RowProblem(
                    string.Join('|', feed.KeyColumns),
                    QuarantineReason.DuplicateKey,
                    $"{label} line {record.Line}, field {string.Join('|', feed.KeyColumns)}: '{key}' already appeared on line {_seen[key]} ({QuarantineReason.DuplicateKey})");
            }

            if (problem is not null)
            {
                // PostgreSQL text cannot hold NUL; shown as U+2400 (the raw zone keeps the bytes as delivered).
                writer.Quarantine(record.Line, problem, record.Raw.Contains('\0', StringComparison.Ordinal) ? record.Raw.Replace('\0', '\u2400') : record.Raw);
                Quarantined++;
                return;
            }

            Apply(key!, row);
            Loaded++;
            if (row.Repairs is { } repairs)
            {
                // Recorded for every file that has the row, like quarantine, whether or not the stored row changed.
                foreach (var repair in repairs)
                {
                    writer.FieldWarning(record.Line, key!, repair);
                }

                FieldWarnings += repairs.Count;
            }
        }

        /// <summary>
        /// Snapshot: every current key the file did not have is no longer current, unless that is more of the feed
        /// than the removal guard lets one file remove (then <see cref="SnapshotHeldException"/>, and nothing is applied).
        /// </summary>
        public void Finish()
        {
            if (stale || !feed.IsSnapshot)
            {
                return;
            }

            if (guard is not null)
            {
                long current = 0, removing = 0;
                foreach (var (key, s) in state.Keys)
                {
                    if (s.Current)
                    {
                        current++;
                        removing += _seen.ContainsKey(key) ? 0 : 1;
                    }
                }

                if (guard.Holds(removing, current))
                {
                    throw new SnapshotHeldException(feed, removing, current, guard.MaxShare, Read);
                }
            }

            foreach (var (key, s) in state.Keys)
            {
                if (s.Current && !_seen.ContainsKey(key))
                {
                    writer.Remove(key);
                    Pending[key] = s with { Current = false };
                    _removed++;
                }
            }
        }

        private void Apply(string key, ParsedRow row)
        {
            var known = state.Keys.TryGetValue(key, out var s);
            if (stale)
            {
                if (known)
                {
                    writer.LowerFirstSeen(key);
                }

                return;
            }

            var hash = _hasher.Hash(row);
            if (!known)
            {
                writer.Insert(row, hash);
                Pending[key] = new KeyState(hash, _asOfDay, true);
                _new++;
                return;
            }

            if (!feed.IsSnapshot && _asOfDay < s.LastSeenDay)
            {
                // An append row older than the one we hold (a late file): the later row wins, ours is later.
                _unchanged++;
                return;
            }

            if (s.Hash == hash && s.Current)
            {
                writer.Touch(key);
                Pending[key] = s with { LastSeenDay = Math.Max(s.LastSeenDay, _asOfDay) };
                _unchanged++;
                return;
            }

            var change = !s.Current ? "REAPPEARED" : feed.IsSnapshot ? "CHANGED" : "CORRECTED";
            writer.Replace(row, hash, change, compare: s.Hash != hash);
            Pending[key] = new KeyState(hash, _asOfDay, true);
            _ = change switch
            {
                "REAPPEARED" => _reappeared++,
                "CHANGED" => _changed++,
                _ => _corrected++,
            };
        }
    }

    /// <summary>Runs an action when disposed (after the transaction, declared later, is done).</summary>
    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
