using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Gradwise.CodeFixes.Rules;

/// <summary>GW4001: multiplies the soft term by T * T (<c>(1 - alpha) * soft</c> → <c>T * T * (1 - alpha) * soft</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DistillationFixer)), Shared]
public sealed class DistillationFixer : SingleRuleFixer
{
    private const string Key = "GW4001.TemperatureSquared";

    /// <summary>The fixer.</summary>
    public DistillationFixer()
        : base(Descriptors.DistillationWithoutTemperatureSquared)
    {
    }

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (DistillationFix.SoftTerm(diagnostic) is { } termSpan && DistillationFix.Temperature(diagnostic) is { } temperatureSpan
            && root.FindNode(termSpan, getInnermostNodeForTie: true) is ExpressionSyntax term
            && root.FindNode(temperatureSpan, getInnermostNodeForTie: true) is ExpressionSyntax temperature)
        {
            var title = "Multiply the soft term by " + temperature + " * " + temperature;
            context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, root, term, temperature, ct), Key), diagnostic);
        }
    }

    private static Task<Document> FixAsync(Document document, SyntaxNode root, ExpressionSyntax term, ExpressionSyntax temperature, CancellationToken ct)
    {
        _ = ct;
        var t = temperature.WithoutTrivia();
        var factor = t is IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or InvocationExpressionSyntax
            ? t
            : SyntaxFactory.ParenthesizedExpression(t);
        var square = SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, factor, factor);
        var scaled = SyntaxFactory.BinaryExpression(
            SyntaxKind.MultiplyExpression,
            square,
            SyntaxFactory.ParenthesizedExpression(term.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(term, scaled.WithTriviaFrom(term))));
    }
}
