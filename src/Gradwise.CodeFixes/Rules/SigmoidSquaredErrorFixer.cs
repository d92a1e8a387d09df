using System.Collections.Generic;
using System.Collections.Immutable;
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
using Microsoft.CodeAnalysis.Simplification;

namespace Gradwise.CodeFixes.Rules;

/// <summary>
/// GW1001/GW1002: rewrites the squared-error delta through a sigmoid to the cross-entropy gradient
/// (<c>(t - o) * o * (1 - o)</c> → <c>(t - o)</c>), and a squared-error loss of a sigmoid output to
/// the cross-entropy loss (<c>(p - y) * (p - y)</c> → <c>-(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12)))</c>,
/// floored so that a probability that rounds to 0 does not make it infinite), a library loss to the library's
/// cross-entropy, and a trainer of a sigmoid network to one whose error function is cross-entropy
/// (<c>new ResilientPropagation(network, set)</c> → <c>new ResilientPropagation(network, set) { ErrorFunction = new CrossEntropyErrorFunction() }</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SigmoidSquaredErrorFixer)), Shared]
public sealed class SigmoidSquaredErrorFixer : CodeFixProvider
{
    private const string DeltaTitle = "Use the cross-entropy gradient (drop the σ'(z) factor)";
    private const string LossTitle = "Use the cross-entropy loss";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SigmoidWithSquaredError.Id, Descriptors.SoftmaxWithSquaredError.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site)
            {
                continue;
            }

            switch (SquaredErrorFix.Kind(diagnostic))
            {
                case SquaredErrorFixKind.LibraryRename when SquaredErrorFix.Replacement(diagnostic) is { } libraryReplacement:
                    var criterion = diagnostic.AdditionalLocations.Count > 1;
                    var renamed = criterion ? await FindAsync(context.Document.Project.Solution, diagnostic.AdditionalLocations[1], context.CancellationToken).ConfigureAwait(false) : site;
                    if (renamed is InvocationExpressionSyntax invocation && CanRename(invocation, criterion ? 0 : 2)
                        && context.Document.Project.Solution.GetDocument(invocation.SyntaxTree) is { } document)
                    {
                        var libraryTitle = "Use " + libraryReplacement + " (cross-entropy)";
                        context.RegisterCodeFix(
                            CodeAction.Create(libraryTitle, ct => RenameCallAsync(document, invocation, libraryReplacement, ct), equivalenceKey: libraryTitle),
                            diagnostic);
                    }

                    break;
                case SquaredErrorFixKind.TrainerSetting when SquaredErrorFix.Setting(diagnostic) is { } setting && site is ObjectCreationExpressionSyntax trainer:
                    var settingTitle = "Train with cross-entropy (" + setting.Property + " = new " + setting.Type.Substring(setting.Type.LastIndexOf('.') + 1) + "())";
                    context.RegisterCodeFix(
                        CodeAction.Create(settingTitle, ct => Replace(context.Document, trainer, WithSetting(trainer, setting.Property, setting.Type), ct), equivalenceKey: settingTitle),
                        diagnostic);
                    break;
                case SquaredErrorFixKind.CrossEntropyDelta when CrossEntropyDelta(site, SquaredErrorFix.Parts(diagnostic, SquaredErrorPart.DerivativeFactor)) is { } delta:
                    context.RegisterCodeFix(CodeAction.Create(DeltaTitle, ct => Replace(context.Document, site, delta, ct), equivalenceKey: DeltaTitle), diagnostic);
                    break;
                case SquaredErrorFixKind.CrossEntropyLoss:
                    var prediction = Part(root, SquaredErrorFix.Parts(diagnostic, SquaredErrorPart.Prediction));
                    var target = Part(root, SquaredErrorFix.Parts(diagnostic, SquaredErrorPart.Target));
                    if (prediction is null || target is null)
                    {
                        break;
                    }

                    var log = await LogAsync(context.Document, site.SpanStart, context.CancellationToken).ConfigureAwait(false);
                    var loss = CrossEntropyLoss(prediction, target, log, categorical: diagnostic.Id == Descriptors.SoftmaxWithSquaredError.Id);
                    var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    if (model?.GetTypeInfo(site, context.CancellationToken).Type?.SpecialType == SpecialType.System_Single)
                    {
                        // Math.Log is of doubles: a loss of floats (MathF, Unity's Mathf) stays a float, so the code around it still compiles.
                        loss = SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.FloatKeyword)), loss).NormalizeWhitespace();
                    }

                    context.RegisterCodeFix(CodeAction.Create(LossTitle, ct => Replace(context.Document, site, loss, ct), equivalenceKey: LossTitle), diagnostic);
                    break;
            }
        }
    }

    /// <summary>
    /// <paramref name="trainer"/> with <c>property = new type()</c> in its object initializer (made, or in place of the property's
    /// earlier setting there); the type written in full and simplified where the file's usings allow.
    /// </summary>
    private static ObjectCreationExpressionSyntax WithSetting(ObjectCreationExpressionSyntax trainer, string property, string type)
    {
        var typeName = SyntaxFactory.ParseTypeName("global::" + type).WithAdditionalAnnotations(Simplifier.Annotation);
        var setting = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(property),
            SyntaxFactory.ObjectCreationExpression(typeName).WithArgumentList(SyntaxFactory.ArgumentList()));
        var kept = trainer.Initializer?.Expressions.Where(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } || name.Identifier.ValueText != property)
            ?? Enumerable.Empty<ExpressionSyntax>();
        var initializer = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(kept.Append(setting)));
        var withList = trainer.ArgumentList is null ? trainer.WithArgumentList(SyntaxFactory.ArgumentList()) : trainer;
        return withList.WithoutTrailingTrivia().WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ExpressionSyntax? Part(SyntaxNode root, IReadOnlyList<Microsoft.CodeAnalysis.Text.TextSpan> spans) =>
        spans.Count == 1 && root.FullSpan.Contains(spans[0]) ? root.FindNode(spans[0], getInnermostNodeForTie: true) as ExpressionSyntax : null;

    private static async Task<ExpressionSyntax?> FindAsync(Solution solution, Location location, CancellationToken ct)
    {
        if (location.SourceTree is null)
        {
            return null;
        }

        var root = await location.SourceTree.GetRootAsync(ct).ConfigureAwait(false);
        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
    }

    /// <summary>Renaming keeps the meaning only when no argument past <paramref name="positionalAllowed"/> is positional (the signatures differ there).</summary>
    private static bool CanRename(InvocationExpressionSyntax invocation, int positionalAllowed) =>
        invocation.ArgumentList.Arguments.Skip(positionalAllowed).All(a => a.NameColon != null);

    private static async Task<Solution> RenameCallAsync(Document document, InvocationExpressionSyntax invocation, string newName, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        var current = root.FindNode(invocation.Span, getInnermostNodeForTie: true) as InvocationExpressionSyntax ?? invocation;
        return LibraryCalls.Renamed(current, newName) is { } renamed ? document.WithSyntaxRoot(root.ReplaceNode(current, renamed)).Project.Solution : document.Project.Solution;
    }

    /// <summary>Math.Log where that binds to System.Math.Log at the site, else global::System.Math.Log.</summary>
    private static async Task<ExpressionSyntax> LogAsync(Document document, int position, CancellationToken ct)
    {
        var shortForm = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("Math"), SyntaxFactory.IdentifierName("Log"));
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var probe = SyntaxFactory.InvocationExpression(shortForm, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(One))));
        var symbol = model?.GetSpeculativeSymbolInfo(position, probe, SpeculativeBindingOption.BindAsExpression).Symbol;
        if (symbol?.ContainingType?.ToDisplayString() == "System.Math")
        {
            return shortForm;
        }

        var system = SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System"));
        return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, system, SyntaxFactory.IdentifierName("Math")), SyntaxFactory.IdentifierName("Log"));
    }

    private static LiteralExpressionSyntax One => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1));

    private static async Task<Document> Replace(Document document, ExpressionSyntax site, ExpressionSyntax replacement, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var current = root.FindNode(site.Span, getInnermostNodeForTie: true) as ExpressionSyntax ?? site;
        if (replacement is ParenthesizedExpressionSyntax kept && current.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ParenthesizedExpressionSyntax or AssignmentExpressionSyntax)
        {
            // (t - o) * o * (1 - o) → t - o where nothing binds tighter around it.
            replacement = kept.Expression;
        }

        var parenthesize = current.Parent switch
        {
            PrefixUnaryExpressionSyntax => replacement is BinaryExpressionSyntax,
            BinaryExpressionSyntax parent when replacement is BinaryExpressionSyntax inner =>
                Precedence(inner) < Precedence(parent) || (Precedence(inner) == Precedence(parent) && parent.Right == current),
            BinaryExpressionSyntax => replacement is PrefixUnaryExpressionSyntax, // 0.5 * (-(...)), not 0.5 * -(...)
            _ => false,
        };
        var fitted = parenthesize ? SyntaxFactory.ParenthesizedExpression(replacement) : replacement;
        return document.WithSyntaxRoot(root.ReplaceNode(current, fitted.WithTriviaFrom(current)));
    }

    private static int Precedence(BinaryExpressionSyntax e) => e.Kind() switch
    {
        SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression => 3,
        SyntaxKind.AddExpression or SyntaxKind.SubtractExpression => 2,
        _ => 0,
    };

    /// <summary>The product without the factors at <paramref name="derivative"/>: (t - o) * o * (1 - o) → (t - o); e.PointwiseMultiply(sp) → e.</summary>
    private static ExpressionSyntax? CrossEntropyDelta(ExpressionSyntax product, IReadOnlyList<Microsoft.CodeAnalysis.Text.TextSpan> derivative)
    {
        var factors = new List<ExpressionSyntax>();
        var negated = false;
        if (product is InvocationExpressionSyntax call)
        {
            // a.PointwiseMultiply(b) or np.multiply(a, b): the analyzer reports a call only where it multiplies vectors element by element.
            var arguments = call.ArgumentList.Arguments;
            if (call.Expression is MemberAccessExpressionSyntax access && arguments.Count == 1)
            {
                factors.Add(access.Expression);
                factors.Add(arguments[0].Expression);
            }
            else if (arguments.Count == 2)
            {
                factors.Add(arguments[0].Expression);
                factors.Add(arguments[1].Expression);
            }
        }
        else
        {
            negated = Flatten(product, factors);
        }

        var kept = factors.Where(f => !derivative.Contains(f.Span) && !derivative.Contains(Unwrap(f).Span)).ToList();
        if (kept.Count == 0 || kept.Count + derivative.Count != factors.Count)
        {
            return null;
        }

        var result = kept[0].WithoutTrivia();
        for (var i = 1; i < kept.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, result, kept[i].WithoutTrivia());
        }

        // -o * (1 - o) * (t - o) keeps its sign: -(t - o).
        return negated
            ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, result is BinaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(result) : result)
            : result;
    }

    /// <summary>-(y * Log(Max(p, 1e-12)) + (1 - y) * Log(Max(1 - p, 1e-12))), or one class's term -(y * Log(Max(p, 1e-12))) for a softmax.</summary>
    private static ExpressionSyntax CrossEntropyLoss(ExpressionSyntax prediction, ExpressionSyntax target, ExpressionSyntax log, bool categorical)
    {
        var p = Operand(prediction);
        var y = Operand(target);
        // log(max(p, 1e-12)): a probability that rounds to 0 would make the loss infinite and its gradient NaN (GW3001).
        var max = log is MemberAccessExpressionSyntax member ? member.WithName(SyntaxFactory.IdentifierName("Max")) : (ExpressionSyntax)SyntaxFactory.IdentifierName("Max");
        var floor = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("1e-12", 1e-12));
        ExpressionSyntax Call(ExpressionSyntax function, params ExpressionSyntax[] arguments) => SyntaxFactory.InvocationExpression(function, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
        ExpressionSyntax Log(ExpressionSyntax argument) => Call(log, Call(max, argument, floor));
        ExpressionSyntax Times(ExpressionSyntax a, ExpressionSyntax b) => SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, a, b);
        ExpressionSyntax OneMinus(ExpressionSyntax a) => SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression, One, a));
        var positive = Times(y, Log(p));
        var sum = categorical ? positive : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, positive, Times(OneMinus(y), Log(SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression, One, p))));
        return SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, SyntaxFactory.ParenthesizedExpression(sum)).NormalizeWhitespace();
    }

    private static ExpressionSyntax Operand(ExpressionSyntax e)
    {
        var inner = e.WithoutTrivia();
        return inner is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
            ? inner
            : SyntaxFactory.ParenthesizedExpression(inner);
    }

    /// <summary>The factors of a product, negations taken off them; true when an odd number were.</summary>
    private static bool Flatten(ExpressionSyntax e, List<ExpressionSyntax> factors)
    {
        switch (e)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } b:
                return Flatten(b.Left, factors) ^ Flatten(b.Right, factors);
            case ParenthesizedExpressionSyntax { Expression: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } inner }:
                return Flatten(inner, factors);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                return !Flatten(negation.Operand, factors);
            default:
                factors.Add(e);
                return false;
        }
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p)
        {
            e = p.Expression;
        }

        return e;
    }
}
