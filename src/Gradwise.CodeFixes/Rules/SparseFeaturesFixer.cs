using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Gradwise.CodeFixes.Rules;

/// <summary>
/// GW2001: gives the trainer an L2 penalty: writes a value over the zero, adds the argument or the Options member that
/// was left at a zero default, or removes an explicit zero where the trainer tunes the penalty from the data (SDCA).
/// The value written carries a comment saying it is a starting point to tune.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SparseFeaturesFixer)), Shared]
public sealed class SparseFeaturesFixer : SingleRuleFixer
{
    private const string Key = "GW2001.AddL2Penalty";
    private const string TuneComment = "/* L2 penalty: tune it on validation data, e.g. 1e-6 to 1 on a log scale */";

    /// <summary>The fixer.</summary>
    public SparseFeaturesFixer()
        : base(Descriptors.UnpenalizedLinearModelOnSparseFeatures)
    {
    }

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (SparseFeaturesFix.Edit(diagnostic) is not { } edit || SparseFeaturesFix.Target(diagnostic) is not { } span || SparseFeaturesFix.Name(diagnostic) is not { } name
            || span.End > root.FullSpan.End || Edited(root.FindNode(span, getInnermostNodeForTie: true), edit, name, SparseFeaturesFix.Value(diagnostic)) is not { } change)
        {
            return;
        }

        var title = edit == PenaltyEdit.Remove ? "Remove '" + name + " = 0' (the trainer tunes the penalty)" : "Set an L2 penalty (" + name + ")";
        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(change(root))), Key), diagnostic);
    }

    /// <summary>The edit to the root, or null when the node at the span is not what the diagnostic described.</summary>
    private static System.Func<SyntaxNode, SyntaxNode>? Edited(SyntaxNode node, PenaltyEdit edit, string name, double? value)
    {
        switch (edit)
        {
            case PenaltyEdit.Replace when node is ExpressionSyntax zero && value is { } v:
                var literal = Literal(v);
                return root => root.ReplaceNode(zero, literal.WithLeadingTrivia(zero.GetLeadingTrivia()).WithTrailingTrivia(literal.GetTrailingTrivia().AddRange(zero.GetTrailingTrivia())));
            case PenaltyEdit.Remove when node is ArgumentSyntax argument:
                return root => root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!;
            case PenaltyEdit.Remove when node is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment:
                return root => root.RemoveNode(assignment, SyntaxRemoveOptions.KeepNoTrivia)!;
            case PenaltyEdit.AddArgument when node is InvocationExpressionSyntax call && value is { } v:
                var named = SyntaxFactory.Argument(Literal(v)).WithNameColon(SyntaxFactory.NameColon(name));
                return root => root.ReplaceNode(call.ArgumentList, call.ArgumentList.AddArguments(named));
            case PenaltyEdit.AddInitializer when node is BaseObjectCreationExpressionSyntax creation && value is { } v:
                var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), Literal(v).WithTrailingTrivia(Literal(v).GetTrailingTrivia().Add(SyntaxFactory.Space)));
                return root => root.ReplaceNode(creation, WithMember(creation, member).WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return null;
        }
    }

    private static BaseObjectCreationExpressionSyntax WithMember(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax assignment)
    {
        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(initializer.AddExpressions(assignment));
        }

        var added = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(assignment));
        return creation is ObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: 0 } list } explicitType && list.CloseParenToken.TrailingTrivia.Any()
            ? explicitType.WithArgumentList(list.WithCloseParenToken(list.CloseParenToken.WithoutTrivia())).WithInitializer(added)
            : creation.WithInitializer(added);
    }

    /// <summary>A float literal (the penalties are <c>float</c>), followed by the comment on tuning it.</summary>
    private static LiteralExpressionSyntax Literal(double value)
    {
        var f = (float)value;
        var text = (value >= 0.001 ? f.ToString("0.###", CultureInfo.InvariantCulture) : f.ToString("0.###e-0", CultureInfo.InvariantCulture)) + "f";
        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, f))
            .WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment(TuneComment));
    }
}
