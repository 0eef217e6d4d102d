namespace Integration.Core.Csv;

/// <summary>
/// One CSV record as read: its fields, the physical line it starts on (1-based, the header is line 1),
/// the raw text for quarantine, and whether the file ended inside an open quote (a truncated record).
/// </summary>
public sealed record CsvRecord(IReadOnlyList<string> Fields, long Line, string Raw, bool Unterminated);
