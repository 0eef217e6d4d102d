using System.CommandLine;
using Integration.Access.Audit;

namespace Integration.Host.Cli;

/// <summary>
/// <c>audit verify [--expect SEQ:HASH]</c>: recomputes the audit log's hash chain and names every entry that
/// was edited or deleted. Exit 0 when intact, 1 when not. The head it prints can be kept elsewhere (a ticket,
/// a print-out) and given to a later run as --expect, which also finds entries cut off the end of the log.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "The tamper-evident audit log of reads, checks, decisions and status changes.");
        var expect = new Option<string?>("--expect") { Description = "A head printed by an earlier verify (seq:hash): it must still be in the chain." };
        var verify = new Command("verify", "Recompute the hash chain; report every edited or deleted entry.") { expect };
        verify.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            AuditVerification v;
            try
            {
                v = await services.GetRequiredService<AuditReader>().VerifyAsync(parse.GetValue(expect), ct);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("audit verify: " + e.Message);
                return 2;
            }

            foreach (var p in v.Problems)
            {
                Console.WriteLine($"{p.Kind.ToString().ToUpperInvariant()} at {p.Seq}: {p.Message}");
            }

            Console.WriteLine(v.Intact
                ? $"audit log intact: {v.Entries} entries, head {v.HeadSeq}:{v.HeadHash}{(v.Keyed ? "" : " (unkeyed: set Access:Audit:Key so that the chain cannot be recomputed by someone who edits the database)")}"
                : $"audit log NOT intact: {v.Problems.Count} problem(s) in {v.Entries} entries");
            await UsersCommand.Audit(services, AuditAction.AuditRead, "verify", $"{{\"entries\":{v.Entries},\"intact\":{(v.Intact ? "true" : "false")}}}");
            return v.Intact ? 0 : 1;
        });
        command.Subcommands.Add(verify);
        return command;
    }
}
