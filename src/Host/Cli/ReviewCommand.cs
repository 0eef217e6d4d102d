using System.CommandLine;
using Integration.Matching.Review;

namespace Integration.Host.Cli;

/// <summary>
/// <c>review</c>: the clerks' queue. <c>review list [--top N]</c> shows review-band pairs best first;
/// <c>review accept|reject FEED_A KEY_A FEED_B KEY_B --by NAME [--note TEXT]</c> records a decision that
/// wins over the matcher in every later run.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "List the review queue, or accept/reject a pair (decisions win in every later match run).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Decide("accept", "ACCEPT"));
        command.Subcommands.Add(Decide("reject", "REJECT"));
        return command;
    }

    private static Command List()
    {
        var top = new Option<int>("--top") { Description = "Show at most this many pairs.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "Pairs in the review band without a decision, best first.") { top };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            var queue = await services.GetRequiredService<ReviewService>().QueueAsync(parse.GetValue(top), ct);
            if (queue.Count == 0)
            {
                Console.WriteLine("review queue is empty");
                return 0;
            }

            foreach (var q in queue)
            {
                Console.WriteLine($"#{q.Rank} p={q.Probability:0.0000}  {q.A.Feed} {q.A.SourceKey}  <->  {q.B.Feed} {q.B.SourceKey}");
                Console.WriteLine($"    A: {q.A.NameEn ?? q.A.NameKm} | tin {q.A.Tin} | moc {q.A.MocNo} | {q.A.Address} | {q.A.Phone}");
                Console.WriteLine($"    B: {q.B.NameEn ?? q.B.NameKm} | tin {q.B.Tin} | moc {q.B.MocNo} | {q.B.Address} | {q.B.Phone}");
                Console.WriteLine($"    evidence: {q.Evidence}");
            }

            return 0;
        });
        return command;
    }

    private static Command Decide(string name, string decision)
    {
        var feedA = new Argument<string>("feed-a") { Description = "moc-licences, gdt-taxpayers or nssf-employers" };
        var keyA = new Argument<string>("key-a");
        var feedB = new Argument<string>("feed-b");
        var keyB = new Argument<string>("key-b");
        var by = new Option<string>("--by") { Description = "Who decided (required).", Required = true };
        var note = new Option<string?>("--note") { Description = "Why, for the audit trail." };
        var command = new Command(name, $"{decision} a pair: the two records are {(decision == "ACCEPT" ? "one" : "not one")} enterprise.") { feedA, keyA, feedB, keyB, by, note };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            try
            {
                var d = await services.GetRequiredService<ReviewService>().DecideAsync(
                    parse.GetValue(feedA)!, parse.GetValue(keyA)!, parse.GetValue(feedB)!, parse.GetValue(keyB)!, decision, parse.GetValue(by)!, parse.GetValue(note), ct);
                Console.WriteLine($"{d.Decision} {d.FeedA} {d.KeyA} <-> {d.FeedB} {d.KeyB} by {d.DecidedBy} at {d.DecidedAt}; applied at the next 'match' run");
                return 0;
            }
            catch (ReviewException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
