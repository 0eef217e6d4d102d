using System.Globalization;
using Integration.Ingest.Feeds;

namespace Integration.Ingest.Loading;

/// <summary>
/// A snapshot would mark more of its feed REMOVED than <see cref="RemovalGuardOptions.MaxShare"/> allows: the file's
/// transaction is rolled back and the file is HELD until an operator confirms it.
/// </summary>
internal sealed class SnapshotHeldException : Exception
{
    public SnapshotHeldException(FeedDefinition feed, long removed, long current, double maxShare, long read)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"held: applying this snapshot ({read:N0} rows) would mark {removed:N0} of the {current:N0} current {feed.Name} records REMOVED ({(double)removed / current:P1}, more than Ingest:RemovalGuard:MaxShare = {maxShare:P0}); nothing was applied. A truncated or filtered extract looks like this. If the removals are real, confirm the file (REMOVAL_HELD)"))
    {
        Removed = removed;
        Current = current;
        Read = read;
    }

    public SnapshotHeldException()
    {
    }

    public SnapshotHeldException(string message)
        : base(message)
    {
    }

    public SnapshotHeldException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public long Removed { get; }

    public long Current { get; }

    public long Read { get; }
}
