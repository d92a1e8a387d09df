using System.Collections.Generic;
using System.Composition;
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
/// GW1003: gives the loss what it expects. A loss on the scores given a sigmoid or softmax output gets the activation's input
/// (<c>binary_cross_entropy_with_logits(torch.sigmoid(z), y)</c> → <c>binary_cross_entropy_with_logits(z, y)</c>; where the output
/// is a local whose input is not a name the site can read, the input is first held in a new local declared before it); a loss on
/// log-probabilities given a softmax gets <c>functional.log_softmax</c> of the scores; a loss function on probabilities or
/// log-probabilities given scores becomes the function that takes scores (<c>binary_cross_entropy</c> →
/// <c>binary_cross_entropy_with_logits</c>, <c>nll_loss</c> → <c>cross_entropy</c>). The activation's output stays where it was,
/// for whatever else reads it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LossInputFixer)), Shared]
public sealed class LossInputFixer : SingleRuleFixer
{
    /// <summary>The fixer.</summary>
    public LossInputFixer()
        : base(Descriptors.LossGivenTheWrongInput)
    {
    }

    /// <inheritdoc />
    protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax site || LossInputFix.Repair(diagnostic) is not { } repair)
        {
            return;
        }

        if (repair == LossInputRepair.CallOnScores)
        {
            if (LossInputFix.Function(diagnostic) is { Length: > 0 } function && LibraryCalls.Renamed(site, function) is { } renamed)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Use " + function + " on the scores", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(site, renamed))), Key(repair)),
                    diagnostic);
            }

            return;
        }

        if (LossInputFix.Input(diagnostic) is not { } inputSpan || LossInputFix.Logit(diagnostic) is not { } logitSpan
            || root.FindNode(inputSpan, getInnermostNodeForTie: true) is not ExpressionSyntax input || !site.Span.Contains(input.Span)
            || root.FindNode(logitSpan, getInnermostNodeForTie: true) is not ExpressionSyntax logit)
        {
            return;
        }

        ExpressionSyntax? dimension = null;
        if (repair == LossInputRepair.LogSoftmax
            && (LossInputFix.Dimension(diagnostic) is not { } dimensionSpan || (dimension = root.FindNode(dimensionSpan, getInnermostNodeForTie: true) as ExpressionSyntax) is null))
        {
            return;
        }

        var declared = LossInputFix.Declared(diagnostic) is { } activationSpan ? Declaration(root, activationSpan, logit) : null;
        if (LossInputFix.Declared(diagnostic) is not null && declared is null)
        {
            return; // the code around the activation is no longer what the analyzer saw
        }

        var title = repair == LossInputRepair.LogSoftmax ? "Give the loss log_softmax of the scores" : "Give the loss the scores before the activation";
        context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, root, input, logit, dimension, declared, ct), Key(repair)), diagnostic);
    }

    private static string Key(LossInputRepair repair) => "GW1003." + repair;

    /// <summary>The statement declaring the local the activation initializes, when the logit is inside the activation and the statement is one the fix can precede.</summary>
    private static LocalDeclarationStatementSyntax? Declaration(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan activationSpan, ExpressionSyntax logit) =>
        root.FindNode(activationSpan, getInnermostNodeForTie: true) is ExpressionSyntax activation && activation.Span.Contains(logit.Span)
            ? LossInputFix.DeclaringStatement(activation)
            : null;

    private static async Task<Document> FixAsync(
        Document document, SyntaxNode root, ExpressionSyntax input, ExpressionSyntax logit, ExpressionSyntax? dimension, LocalDeclarationStatementSyntax? declared, CancellationToken ct)
    {
        if (declared is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(input, Given(logit.WithoutTrivia(), dimension).WithTriviaFrom(input)));
        }

        // var p = torch.sigmoid(model.call(x)); ... loss(p, y)  →  var logits = model.call(x); var p = torch.sigmoid(logits); ... loss(logits, y)
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var name = FreshName(model, declared, IsReal(model, logit, ct) ? "logit" : "logits");
        var holder = SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                SyntaxFactory.IdentifierName("var"),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(logit.WithoutTrivia())))))
            .WithLeadingTrivia(declared.GetLeadingTrivia())
            .WithTrailingTrivia(declared.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var reference = SyntaxFactory.IdentifierName(name);
        var edited = root.TrackNodes(input, logit, declared);
        var given = edited.GetCurrentNode(input)!;
        edited = edited.ReplaceNodes(
            new SyntaxNode[] { given, edited.GetCurrentNode(logit)! },
            (original, _) => (ReferenceEquals(original, given) ? Given(reference, dimension) : reference).WithTriviaFrom(original));
        var statement = edited.GetCurrentNode(declared)!;
        edited = edited.InsertNodesBefore(statement, new[] { holder });
        return document.WithSyntaxRoot(edited);
    }

    /// <summary>What the loss is given: the scores, or <c>functional.log_softmax(scores, dim)</c>.</summary>
    private static ExpressionSyntax Given(ExpressionSyntax scores, ExpressionSyntax? dimension)
    {
        if (dimension is null)
        {
            return scores;
        }

        return SyntaxFactory.InvocationExpression(
            LibraryCalls.Functional("log_softmax"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(scores), SyntaxFactory.Argument(dimension.WithoutTrivia()) })));
    }

    private static bool IsReal(SemanticModel? model, ExpressionSyntax logit, CancellationToken ct) =>
        model?.GetTypeInfo(logit, ct).ConvertedType?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    /// <summary><paramref name="stem"/>, or <paramref name="stem"/>2, 3, ...: the first that names nothing in scope at the statement and nothing declared in its member.</summary>
    private static string FreshName(SemanticModel? model, StatementSyntax statement, string stem)
    {
        var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)statement;
        var declared = new HashSet<string>(member.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            CatchDeclarationSyntax c => c.Identifier.ValueText,
            _ => string.Empty,
        }));
        for (var i = 1; ; i++)
        {
            var name = i == 1 ? stem : stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!declared.Contains(name) && (model is null || model.LookupSymbols(statement.SpanStart, name: name).IsEmpty))
            {
                return name;
            }
        }
    }
}
