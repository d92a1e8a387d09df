using System.Collections.Immutable;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>
/// GW5001: a random mask drawn once before the epoch loop and reused by every epoch (<see cref="StaticMasks"/>). The
/// warning is on the draw; the additional locations are the epoch loop and the training step that reads the mask.
/// Nothing is registered in a compilation where no file mentions <c>Random</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StaticMaskAnalyzer : FlowRuleAnalyzer
{
    /// <summary>The rule.</summary>
    public StaticMaskAnalyzer()
        : base(Descriptors.StaticRandomMask)
    {
    }

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        if (!FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.RandomProvider))
        {
            return;
        }

        var index = FlowIndex.For(start.Compilation, start.TryGetValue);
        start.RegisterOperationBlockAction(c => Analyze(c, index));
    }

    private static void Analyze(OperationBlockAnalysisContext context, FlowIndex index)
    {
        foreach (var block in context.OperationBlocks)
        {
            // A body with a loop and a Random in it (cheap, syntax-level) before anything is read.
            if (block is not (IBlockOperation or IMethodBodyOperation or IConstructorBodyOperation)
                || !block.Syntax.DescendantNodes().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax))
            {
                continue;
            }

            index.Saw(block);
            foreach (var site in StaticMasks.In(block, index, context.CancellationToken))
            {
                var where = new Evidence(site.Epochs.Syntax.GetLocation(), "the training loop").Where;
                var fix = FixOf(site);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.StaticRandomMask,
                    site.Draw.Syntax.GetLocation(),
                    new[] { Header(site.Epochs), site.Step.Syntax.GetLocation() },
                    fix,
                    site.Collection.Name,
                    where));
            }
        }
    }

    /// <summary>The loop's header (<c>for (…)</c>, <c>while (…)</c>): the loop itself spans the whole body.</summary>
    private static Location Header(ILoopOperation loop)
    {
        var syntax = loop.Syntax;
        var end = syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax f => f.CloseParenToken.Span.End,
            Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax f => f.CloseParenToken.Span.End,
            Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax w => w.CloseParenToken.Span.End,
            _ => syntax.GetFirstToken().Span.End,
        };
        return Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.SpanStart, end));
    }

    /// <summary>
    /// The move is mechanical when the mask is declared by its own statement in the same block as the loop, and nothing
    /// between them or after the loop reads it: the declaration then moves to the top of the loop's body.
    /// </summary>
    private static ImmutableDictionary<string, string?>? FixOf(StaticMask site)
    {
        if (site.Declaration is not { Declarations.Length: 1 } declaration || declaration.Declarations[0].Declarators.Length != 1
            || declaration.Parent is not IBlockOperation block || site.Epochs.Parent != block || site.Epochs.Body is not IBlockOperation)
        {
            return null;
        }

        var from = block.Operations.IndexOf(declaration);
        var to = block.Operations.IndexOf(site.Epochs);
        if (from < 0 || to <= from)
        {
            return null;
        }

        bool Reads(IOperation o) => o.DescendantsAndSelf().Any(r => r is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, site.Collection));
        if (block.Operations.Skip(from + 1).Take(to - from - 1).Any(Reads) || block.Operations.Skip(to + 1).Any(Reads))
        {
            return null;
        }

        return StaticMaskFix.Properties(site.Draw.Syntax.Span, declaration.Syntax.Span, site.Epochs.Syntax.Span);
    }
}
