using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Integration.Web.Ui;

/// <summary>One labelled row of a paired bar chart: two figures on their own scales.</summary>
internal sealed record ChartRow(string Label, long First, long Second);

/// <summary>
/// Small charts drawn as plain server-rendered SVG. The browser lays out the labels, so Khmer place names are
/// shaped correctly (a raster chart library would need its own Khmer shaping), and the page needs no script.
/// Each chart has a title for screen readers; the page shows the same figures in a table.
/// </summary>
internal static class SvgChart
{
    private const int LabelWidth = 170;
    private const int BarArea = 300;
    private const int RowHeight = 26;

    /// <summary>Horizontal paired bars: <see cref="ChartRow.First"/> in the first colour, <see cref="ChartRow.Second"/> in the second.</summary>
    public static IHtmlContent PairedBars(string title, string firstName, string secondName, IReadOnlyList<ChartRow> rows)
    {
        var h = HtmlEncoder.Default;
        var maxFirst = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.First));
        var maxSecond = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Second));
        var width = LabelWidth + BarArea + 90;
        var height = 34 + (rows.Count * RowHeight);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{h.Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{h.Encode(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"6\" width=\"12\" height=\"10\" class=\"c1\"/><text x=\"{LabelWidth + 16}\" y=\"15\" class=\"legend\">{h.Encode(firstName)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth + 150}\" y=\"6\" width=\"12\" height=\"10\" class=\"c2\"/><text x=\"{LabelWidth + 166}\" y=\"15\" class=\"legend\">{h.Encode(secondName)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = 28 + (i * RowHeight);
            var w1 = Math.Max(1, (int)(BarArea * r.First / (double)maxFirst));
            var w2 = Math.Max(r.Second > 0 ? 1 : 0, (int)(BarArea * r.Second / (double)maxSecond));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\" class=\"label\">{h.Encode(r.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{w1}\" height=\"9\" class=\"c1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w1 + 4}\" y=\"{y + 10}\" class=\"value\">{r.First.ToString("N0", CultureInfo.CurrentCulture)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 12}\" width=\"{w2}\" height=\"9\" class=\"c2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w2 + 4}\" y=\"{y + 20}\" class=\"value\">{r.Second.ToString("N0", CultureInfo.CurrentCulture)}</text>");
        }

        return new HtmlString(sb.Append("</svg>").ToString());
    }

    /// <summary>A line over months (x: the labels in order; y: the values from zero).</summary>
    public static IHtmlContent Line(string title, IReadOnlyList<(string Label, long Value)> points)
    {
        var h = HtmlEncoder.Default;
        const int w = 640, hgt = 220, left = 70, bottom = 30, top = 12;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {w} {hgt}\" role=\"img\" aria-label=\"{h.Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{h.Encode(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{hgt - bottom}\" x2=\"{w - 10}\" y2=\"{hgt - bottom}\" class=\"axis\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{hgt - bottom}\" class=\"axis\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 8}\" text-anchor=\"end\" class=\"value\">{max.ToString("N0", CultureInfo.CurrentCulture)}</text><text x=\"{left - 6}\" y=\"{hgt - bottom}\" text-anchor=\"end\" class=\"value\">0</text>");
        if (points.Count > 0)
        {
            var step = points.Count == 1 ? 0 : (w - 10 - left - 10) / (double)(points.Count - 1);
            var coords = points.Select((p, i) => (X: left + 10 + (i * step), Y: hgt - bottom - ((hgt - bottom - top) * p.Value / (double)max))).ToList();
            sb.Append("<polyline class=\"l1\" points=\"").AppendJoin(' ', coords.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X:0.#},{c.Y:0.#}"))).Append("\"/>");
            for (var i = 0; i < points.Count; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{coords[i].X:0.#}\" cy=\"{coords[i].Y:0.#}\" r=\"3\" class=\"c1\"><title>{h.Encode(points[i].Label)}: {points[i].Value.ToString("N0", CultureInfo.CurrentCulture)}</title></circle>");
                if (i % Math.Max(1, points.Count / 6) == 0 || i == points.Count - 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{coords[i].X:0.#}\" y=\"{hgt - 10}\" text-anchor=\"middle\" class=\"value\">{h.Encode(points[i].Label)}</text>");
                }
            }
        }

        return new HtmlString(sb.Append("</svg>").ToString());
    }
}
