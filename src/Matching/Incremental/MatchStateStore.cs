using System.Data.Common;
using System.Reflection;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Incremental;

/// <summary>
/// The matcher's saved state between runs (table <c>match_state</c>): the model of the last full run and the
/// standardised form of every record the last run matched. Written in parts of <see cref="PartBytes"/> as it is
/// serialised, so saving a national register adds a few MB to a run's peak, not the whole image.
/// </summary>
public sealed class MatchStateStore(Db db)
{
    public const string ModelName = "model";
    public const string RecordsName = "records";
    private const int PartBytes = 4 << 20;
    private const string Format = "standard-records-1";

    public async Task<ModelState?> LoadModelAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var data = await conn.QueryFirstOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT data FROM match_state WHERE name = @name AND part = 0", new { name = ModelName }, cancellationToken: ct));
        return data is null ? null : ModelState.FromBytes(data);
    }

    public async Task SaveModelAsync(ModelState model, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM match_state WHERE name = @name", new { name = ModelName }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("INSERT INTO match_state (name, part, data, run_id) VALUES (@name, 0, @data, @runId)",
            new { name = ModelName, data = model.ToBytes(), runId = model.RunId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>What the saved records were standardised with: this build of the matcher and this gazetteer. Either changed, they are stale.</summary>
    public static string Version(Gazetteer gazetteer)
    {
        var build = typeof(Standardiser).Assembly.ManifestModule.ModuleVersionId;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var u in gazetteer.Units)
        {
            foreach (var s in (string[])[u.Code, u.NameKm, u.NameLatin, u.UnitKm, u.UnitLatin, ((int)u.Level).ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s + "\0"));
            }
        }

        return $"{Format}/{build:N}/{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    /// <summary>Replaces the saved records with <paramref name="records"/>, each with the row hash it was made from.</summary>
    public void SaveRecords(string runId, string version, IReadOnlyList<StandardRecord> records, IReadOnlyList<string> rowHashes)
    {
        using var conn = db.Open();
        using var tx = conn.BeginTransaction();
        conn.Execute("DELETE FROM match_state WHERE name = @name", new { name = RecordsName }, tx);
        var part = 0;
        using (var stream = new PartStream(PartBytes, bytes => conn.Execute(
                   "INSERT INTO match_state (name, part, data, run_id) VALUES (@name, @part, @bytes, @runId)",
                   new { name = RecordsName, part = part++, bytes, runId }, tx)))
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(version);
            w.Write(records.Count);
            var table = new StandardRecordCodec();
            for (var i = 0; i < records.Count; i++)
            {
                StandardRecordCodec.Write(w, records[i], rowHashes[i], table);
            }
        }

        tx.Commit();
    }

    /// <summary>
    /// The saved records, each with its row hash, or null when none are saved or they were made by another build
    /// or gazetteer. <paramref name="lastSeenOn"/> gives a record's current last_seen_on (null if no longer current).
    /// </summary>
    public IEnumerable<(StandardRecord Record, string RowHash)>? ReadRecords(string version, Func<int, string, string?> lastSeenOn)
    {
        var conn = db.Open();
        var parts = conn.Query<byte[]>("SELECT data FROM match_state WHERE name = @name ORDER BY part", new { name = RecordsName }, buffered: false);
        var stream = new PartsReadStream(parts.GetEnumerator());
        var r = new BinaryReader(stream, System.Text.Encoding.UTF8);
        string saved;
        try
        {
            saved = r.ReadString();
        }
        catch (EndOfStreamException)
        {
            r.Dispose();
            conn.Dispose();
            return null;
        }

        if (saved != version)
        {
            r.Dispose();
            conn.Dispose();
            return null;
        }

        return Records(conn, r, lastSeenOn);
    }

    private static IEnumerable<(StandardRecord, string)> Records(DbConnection conn, BinaryReader r, Func<int, string, string?> lastSeenOn)
    {
        using (conn)
        using (r)
        {
            var count = r.ReadInt32();
            var table = new StandardRecordCodec();
            for (var i = 0; i < count; i++)
            {
                yield return StandardRecordCodec.Read(r, table, lastSeenOn);
            }
        }
    }

    /// <summary>Collects written bytes and hands them on in parts of a fixed size (the last one shorter).</summary>
    private sealed class PartStream(int size, Action<byte[]> part) : Stream
    {
        private readonly byte[] _buffer = new byte[size];
        private int _used;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var n = Math.Min(buffer.Length, _buffer.Length - _used);
                buffer[..n].CopyTo(_buffer.AsSpan(_used));
                _used += n;
                buffer = buffer[n..];
                if (_used == _buffer.Length)
                {
                    Flush();
                }
            }
        }

        public override void Flush()
        {
            if (_used > 0)
            {
                part(_buffer.AsSpan(0, _used).ToArray());
                _used = 0;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>The saved parts read back as one stream, a part at a time.</summary>
    private sealed class PartsReadStream(IEnumerator<byte[]> parts) : Stream
    {
        private byte[] _current = [];
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_at == _current.Length)
            {
                if (!parts.MoveNext())
                {
                    return 0;
                }

                _current = parts.Current;
                _at = 0;
            }

            var n = Math.Min(buffer.Length, _current.Length - _at);
            _current.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                parts.Dispose();
            }

            base.Dispose(disposing);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
