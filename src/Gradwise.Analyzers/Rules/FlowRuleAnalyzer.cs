using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Rules;

/// <summary>
/// What every teaching rule does the same way: concurrent, never in generated code, and everything decided per compilation
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    /// <summary>Decides, once per compilation, whether and what to register.</summary>
    protected abstract void Start(CompilationStartAnalysisContext start);
}
