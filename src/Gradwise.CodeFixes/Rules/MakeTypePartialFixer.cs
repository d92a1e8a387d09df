using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gradwise.CodeFixes.Rules;

/// <summary>GW9001: adds <c>partial</c> to the type (every declaration of it) and to each type that contains it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialFixer)), Shared]
public sealed class MakeTypePartialFixer : CodeFixProvider
{
    private const string Title = "Make the type partial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.TypeNotPartial.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var type = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (type is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MakePartialAsync(context.Document, type.SpanStart, ct), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> MakePartialAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var type = root.FindToken(position).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null)
        {
            return document;
        }

        // This declaration and the ones that contain it; other files' declarations are fixed by their own diagnostics' Fix All.
        var targets = type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToList();
        var newRoot = root.ReplaceNodes(targets, (original, rewritten) => AddPartial(rewritten));
        return document.WithSyntaxRoot(newRoot);
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        var partialKeyword = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count == 0)
        {
            // Keep leading trivia (comments, indentation) in front of the new modifier.
            var keyword = type.Keyword;
            partialKeyword = partialKeyword.WithLeadingTrivia(keyword.LeadingTrivia);
            return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partialKeyword));
        }

        // 'partial' goes last among the modifiers, right before the keyword.
        return type.WithModifiers(type.Modifiers.Add(partialKeyword));
    }
}
