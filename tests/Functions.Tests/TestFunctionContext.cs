using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions.Tests;

/// <summary>The one part of a FunctionContext the functions read: the invocation's cancellation token.</summary>
internal sealed class TestFunctionContext(IServiceProvider services, CancellationToken ct = default) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken { get; } = ct;
}
