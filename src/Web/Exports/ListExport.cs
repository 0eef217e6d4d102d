using System.Text;
using Integration.Core.Csv;
using Integration.Core.Export;
using Microsoft.AspNetCore.Mvc;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Integration.Web.Exports;

/// <summary>The export formats of a list page.</summary>
internal enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A list as a download: CSV with the same columns and escaping as the pipeline's exports (outputs.md), or an
/// Excel workbook written by MiniExcel (streaming; cells are typed text and numbers, never formulas).
/// </summary>
internal static class ListExport
{
    public static bool TryParse(string? text, out ExportFormat format) => Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);

    public static FileContentResult File(ExportFormat format, string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows, ISet<string>? numeric = null)
    {
        if (format == ExportFormat.Csv)
        {
            var sb = new StringBuilder();
            using (var w = new StringWriter(sb))
            {
                var csv = new CsvWriter(w);
                csv.WriteRow(columns);
                foreach (var row in rows)
                {
                    csv.WriteRow(row.Select(CsvExport.Escape));
                }
            }

            return new FileContentResult(new UTF8Encoding(false).GetBytes(sb.ToString()), "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" };
        }

        var sheet = rows.Select(row =>
        {
            var d = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                var v = i < row.Count ? row[i] : null;
                d[columns[i]] = numeric is not null && numeric.Contains(columns[i]) && long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : v;
            }

            return d;
        });
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, sheetName: name);
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name + ".xlsx" };
    }
}
