namespace Integration.Core.Truth;

/// <summary>A section of the evaluation report: metric name to value, plus a human-readable text.</summary>
public sealed record EvaluationSection(string Name, IReadOnlyDictionary<string, double> Metrics, string Text);

/// <summary>Scores what the pipeline stored against the generator's ground truth. Each module registers its own.</summary>
public interface IEvaluation
{
    string Name { get; }

    Task<EvaluationSection> EvaluateAsync(GroundTruth truth, CancellationToken ct = default);
}
