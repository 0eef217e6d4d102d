using System.Threading.Channels;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Loading;

/// <summary>
/// Runs the database writes of one file on a second thread: the loader keeps reading, validating and hashing
/// rows (one core) while the writes of the rows before them are executed (the other core). Writes are handed
/// over in order, in batches, through a bounded channel, so memory stays flat whatever the file size.
/// The connection is used by the writing thread only, until <see cref="Complete"/> has waited for it.
/// A failure on either side stops both: a write error surfaces on the reading side at its next hand-over
/// or at <see cref="Complete"/>, with its original exception; a read error (or a crash) disposes the writer,
/// which stops the writing thread before the transaction is rolled back.
/// </summary>
internal sealed class PipelinedFeedWriter : IFeedWriter
{
    private const int BatchSize = 512;
    private const int BatchesInFlight = 32;

    private readonly IFeedWriter _target;
    private readonly Channel<WriteOp[]> _channel = Channel.CreateBounded<WriteOp[]>(
        new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _consumer;
    private WriteOp[] _batch = new WriteOp[BatchSize];
    private int _count;
    private bool _completed;

    public PipelinedFeedWriter(IFeedWriter target)
    {
        _target = target;
        _consumer = Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private enum OpKind
    {
        Insert,
        Replace,
        Touch,
        Remove,
        LowerFirstSeen,
        Quarantine,
        FieldWarning,
    }

    public void Insert(ParsedRow row, UInt128 hash) => Add(new WriteOp(OpKind.Insert, row, hash, null, null, false, 0, null, null, null));

    public void Replace(ParsedRow row, UInt128 hash, string change, bool compare) => Add(new WriteOp(OpKind.Replace, row, hash, null, change, compare, 0, null, null, null));

    public void Touch(string key) => Add(new WriteOp(OpKind.Touch, null, default, key, null, false, 0, null, null, null));

    public void Remove(string key) => Add(new WriteOp(OpKind.Remove, null, default, key, null, false, 0, null, null, null));

    public void LowerFirstSeen(string key) => Add(new WriteOp(OpKind.LowerFirstSeen, null, default, key, null, false, 0, null, null, null));

    public void Quarantine(long line, RowProblem problem, string raw) => Add(new WriteOp(OpKind.Quarantine, null, default, null, null, false, line, problem, raw, null));

    public void FieldWarning(long line, string key, FieldRepair repair) => Add(new WriteOp(OpKind.FieldWarning, null, default, key, null, false, line, null, null, repair));

    public void Complete()
    {
        Send();
        _completed = true;
        _channel.Writer.TryComplete();
        _consumer.GetAwaiter().GetResult(); // rethrows a write error as it was thrown
        _target.Complete();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _stop.Cancel();
            _channel.Writer.TryComplete();
            try
            {
                _consumer.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The reading side's exception is the one being reported; the transaction is rolled back anyway.
            }
        }

        _stop.Dispose();
        _target.Dispose();
    }

    private void Add(in WriteOp op)
    {
        _batch[_count++] = op;
        if (_count == BatchSize)
        {
            Send();
        }
    }

    private void Send()
    {
        if (_count == 0)
        {
            return;
        }

        var batch = _count == BatchSize ? _batch : _batch[.._count];
        while (!_channel.Writer.TryWrite(batch))
        {
            if (!_channel.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                _consumer.GetAwaiter().GetResult(); // the writing thread stopped: rethrow its error
                throw new InvalidOperationException("The database writer stopped before the file was read to the end.");
            }
        }

        _batch = new WriteOp[BatchSize];
        _count = 0;
    }

    private void Consume()
    {
        try
        {
            var reader = _channel.Reader;
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    foreach (var op in batch)
                    {
                        Apply(op);
                    }
                }
            }
        }
        finally
        {
            _channel.Writer.TryComplete(); // a write error ends the hand-over: the reading side stops at its next batch
        }
    }

    private void Apply(in WriteOp op)
    {
        switch (op.Kind)
        {
            case OpKind.Insert:
                _target.Insert(op.Row!, op.Hash);
                break;
            case OpKind.Replace:
                _target.Replace(op.Row!, op.Hash, op.Change!, op.Compare);
                break;
            case OpKind.Touch:
                _target.Touch(op.Key!);
                break;
            case OpKind.Remove:
                _target.Remove(op.Key!);
                break;
            case OpKind.LowerFirstSeen:
                _target.LowerFirstSeen(op.Key!);
                break;
            case OpKind.Quarantine:
                _target.Quarantine(op.Line, op.Problem!, op.Raw!);
                break;
            case OpKind.FieldWarning:
                _target.FieldWarning(op.Line, op.Key!, op.Repair!);
                break;
            default:
                throw new InvalidOperationException($"Unknown write {op.Kind}.");
        }
    }

    /// <summary>One call of <see cref="IFeedWriter"/>, recorded to be replayed on the writing thread.</summary>
    private readonly record struct WriteOp(OpKind Kind, ParsedRow? Row, UInt128 Hash, string? Key, string? Change, bool Compare, long Line, RowProblem? Problem, string? Raw, FieldRepair? Repair);
}
