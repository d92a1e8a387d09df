using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Gradwise.CodeFixes.Rules;

/// <summary>GW5001: moves the statement that draws the mask to the top of the epoch loop's body, so each epoch draws its own.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(StaticMaskFixer)), Shared]
public sealed class StaticMaskFixer : SingleRuleFixer
{
    private const string Key = "GW5001.DrawEveryEpoch";

    /// <summary>The fixer.</summary>
    public StaticMaskFixer()
        : base(Descriptors.StaticRandomMask)
    {
    }

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (StaticMaskFix.Declaration(diagnostic) is not { } declarationSpan || StaticMaskFix.Loop(diagnostic) is not { } loopSpan
            || declarationSpan.End > root.FullSpan.End || loopSpan.End > root.FullSpan.End
            || root.FindNode(declarationSpan) is not LocalDeclarationStatementSyntax declaration
            || root.FindNode(loopSpan) is not StatementSyntax loop || Body(loop) is not BlockSyntax)
        {
            return;
        }

        var name = declaration.Declaration.Variables.First().Identifier.Text;
        context.RegisterCodeFix(
            CodeAction.Create("Draw '" + name + "' anew in every epoch", _ => Task.FromResult(context.Document.WithSyntaxRoot(Move(root, declaration, loop))), Key),
            diagnostic);
    }

    private static SyntaxNode Move(SyntaxNode root, LocalDeclarationStatementSyntax declaration, StatementSyntax loop)
    {
        var tracked = root.TrackNodes(declaration, loop);
        var withoutDeclaration = tracked.RemoveNode(tracked.GetCurrentNode(declaration)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        var currentLoop = withoutDeclaration.GetCurrentNode(loop)!;
        var body = (BlockSyntax)Body(currentLoop)!;
        // The user's comments above the draw move with it (the blank lines before them stay behind); its own line ending stays.
        var comments = declaration.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
        var moved = declaration.WithLeadingTrivia(new[] { SyntaxFactory.ElasticMarker }.Concat(comments)).WithAdditionalAnnotations(Formatter.Annotation);
        return withoutDeclaration.ReplaceNode(body, body.WithStatements(body.Statements.Insert(0, moved)).WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static StatementSyntax? Body(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax f => f.Statement,
        ForEachStatementSyntax f => f.Statement,
        WhileStatementSyntax w => w.Statement,
        DoStatementSyntax d => d.Statement,
        _ => null,
    };
}
