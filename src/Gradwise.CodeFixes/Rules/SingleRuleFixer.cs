using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Gradwise.CodeFixes.Rules;

/// <summary>
/// What most Gradwise fixers share: they fix one rule, Fix All applies each fix in a batch, and each diagnostic's fix is
/// decided from the document's syntax root and the spans the diagnostic carries.
/// </summary>
public abstract class SingleRuleFixer : CodeFixProvider
{
    /// <summary>A fixer of <paramref name="rule"/>.</summary>
    protected SingleRuleFixer(DiagnosticDescriptor rule) => FixableDiagnosticIds = ImmutableArray.Create(rule.Id);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            Register(context, root, diagnostic);
        }
    }

    /// <summary>Registers the fix of one diagnostic, if its spans still find what the analyzer saw.</summary>
    protected abstract void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
}
