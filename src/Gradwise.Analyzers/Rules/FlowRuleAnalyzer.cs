using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Rules;

/// <summary>
/// What every teaching rule does the same way: concurrent, never run in generated code (files named or marked generated, members marked [GeneratedCode]), and everything decided per compilation
/// (its gates, its flow index) in <see cref="Start"/>, which registers the rule's actions or none.
/// </summary>
public abstract class FlowRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticDescriptor> supported;

    /// <summary>A rule reporting <paramref name="rules"/>.</summary>
    protected FlowRuleAnalyzer(params DiagnosticDescriptor[] rules) => supported = ImmutableArray.Create(rules);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => supported;

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Never run in generated code. A rule reports only where it ran, so the driver need not check each diagnostic against
        // generated code: that check walks every token of each file a diagnostic is in (a fifth of GW1001's time on a project
        // where most files have one).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(Start);
    }

    /// <summary>Decides, once per compilation, whether and what to register.</summary>
    protected abstract void Start(CompilationStartAnalysisContext start);
}
