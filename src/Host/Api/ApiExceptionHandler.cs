using Integration.Core.Database;
using Microsoft.AspNetCore.Diagnostics;

namespace Integration.Host.Api;

/// <summary>
/// Unhandled failures as the caller should see them: a full disk, a database that cannot be written or is
/// unreachable is a 503 naming the fault as the database reported it (with Retry-After: it passes); bad request
/// framing keeps its own status. Anything else stays the default 500 with no internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (exception is BadHttpRequestException bad)
        {
            return await WriteAsync(http, exception, bad.StatusCode, bad.StatusCode == 413 ? "Request body too large" : "Bad request", bad.Message);
        }

        var kind = DatabaseErrors.Kind(exception is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : exception);
        if (kind is DatabaseFailure.None or DatabaseFailure.Other)
        {
            return false;
        }

        logger.LogError(exception, "{Path}: database unavailable ({Kind})", http.Request.Path, kind);
        http.Response.Headers.RetryAfter = "30";
        var title = kind switch
        {
            DatabaseFailure.DiskFull => "The database's disk is full",
            DatabaseFailure.ReadOnly => "The database cannot be written",
            DatabaseFailure.Busy => "The database is busy",
            _ => "The database is unavailable",
        };
        return await WriteAsync(http, exception, StatusCodes.Status503ServiceUnavailable, title, DatabaseErrors.Describe(exception));
    }

    private async Task<bool> WriteAsync(HttpContext http, Exception exception, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
