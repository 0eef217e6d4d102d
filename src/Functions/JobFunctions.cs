using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>
/// One timer function per pipeline job, named after the job. Each schedule is the Function App setting
/// <c>Schedule:Jobs:&lt;job&gt;</c> (set as <c>Schedule__Jobs__&lt;job&gt;</c>, the same key the self-hosted scheduler
/// reads; infra/main.bicep sets the defaults of src/Host/appsettings.json), NCRONTAB with seconds, in UTC.
/// </summary>
public sealed class JobFunctions(TimerJobs jobs)
{
    [Function("pull-moc-licences")]
    public Task PullMocLicences([TimerTrigger("%Schedule:Jobs:pull-moc-licences%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("pull-moc-licences", context.CancellationToken);

    [Function("pull-gdt-taxpayers")]
    public Task PullGdtTaxpayers([TimerTrigger("%Schedule:Jobs:pull-gdt-taxpayers%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("pull-gdt-taxpayers", context.CancellationToken);

    [Function("pull-nssf-employers")]
    public Task PullNssfEmployers([TimerTrigger("%Schedule:Jobs:pull-nssf-employers%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("pull-nssf-employers", context.CancellationToken);

    [Function("pull-nssf-contributions")]
    public Task PullNssfContributions([TimerTrigger("%Schedule:Jobs:pull-nssf-contributions%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("pull-nssf-contributions", context.CancellationToken);

    [Function("pull-nssf-inspections")]
    public Task PullNssfInspections([TimerTrigger("%Schedule:Jobs:pull-nssf-inspections%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("pull-nssf-inspections", context.CancellationToken);

    [Function("ingest-moc-licences")]
    public Task IngestMocLicences([TimerTrigger("%Schedule:Jobs:ingest-moc-licences%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("ingest-moc-licences", context.CancellationToken);

    [Function("ingest-gdt-taxpayers")]
    public Task IngestGdtTaxpayers([TimerTrigger("%Schedule:Jobs:ingest-gdt-taxpayers%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("ingest-gdt-taxpayers", context.CancellationToken);

    [Function("ingest-nssf-employers")]
    public Task IngestNssfEmployers([TimerTrigger("%Schedule:Jobs:ingest-nssf-employers%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("ingest-nssf-employers", context.CancellationToken);

    [Function("ingest-nssf-contributions")]
    public Task IngestNssfContributions([TimerTrigger("%Schedule:Jobs:ingest-nssf-contributions%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("ingest-nssf-contributions", context.CancellationToken);

    [Function("ingest-nssf-inspections")]
    public Task IngestNssfInspections([TimerTrigger("%Schedule:Jobs:ingest-nssf-inspections%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("ingest-nssf-inspections", context.CancellationToken);

    [Function("match")]
    public Task Match([TimerTrigger("%Schedule:Jobs:match%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("match", context.CancellationToken);

    [Function("alerts")]
    public Task Alerts([TimerTrigger("%Schedule:Jobs:alerts%")] TimerInfo timer, FunctionContext context) =>
        jobs.RunAsync("alerts", context.CancellationToken);
}
