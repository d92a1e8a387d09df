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

namespace Gradwise.CodeFixes.Rules;

/// <summary>
/// GW1001: rewrites the squared-error delta through a sigmoid to the cross-entropy gradient
/// (<c>(t - o) * o * (1 - o)</c> → <c>(t - o)</c>), and a squared-error loss of a sigmoid output to
/// the cross-entropy loss (<c>(p - y) * (p - y)</c> → <c>-(y * Math.Log(p) + (1 - y) * Math.Log(1 - p))</c>).
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

            diagnostic.Properties.TryGetValue(SigmoidSquaredErrorAnalyzer.KindProperty, out var kind);
            diagnostic.Properties.TryGetValue(SigmoidSquaredErrorAnalyzer.SigmoidSideProperty, out var side);
            diagnostic.Properties.TryGetValue(SigmoidSquaredErrorAnalyzer.ReplacementProperty, out var libraryReplacement);
            if (kind is "library-function" or "library-criterion" && libraryReplacement != null)
            {
                var renamed = kind == "library-function" ? site : diagnostic.AdditionalLocations.Count > 1 ? await FindAsync(context.Document.Project.Solution, diagnostic.AdditionalLocations[1], context.CancellationToken).ConfigureAwait(false) : null;
                if (renamed is InvocationExpressionSyntax invocation && CanRename(invocation, kind == "library-function" ? 2 : 0))
                {
                    var libraryTitle = "Use " + libraryReplacement + " (cross-entropy)";
                    var document = context.Document.Project.Solution.GetDocument(invocation.SyntaxTree);
                    if (document != null)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(libraryTitle, ct => RenameCallAsync(document, invocation, libraryReplacement, ct), equivalenceKey: libraryTitle),
                            diagnostic);
                    }
                }

                continue;
            }

            var log = await LogNameAsync(context.Document, site.SpanStart, context.CancellationToken).ConfigureAwait(false);
            var categorical = diagnostic.Id == Descriptors.SoftmaxWithSquaredError.Id;
            var replacement = kind == "delta" ? CrossEntropyDelta(site) : CrossEntropyLoss(site, side == "right", log, categorical);
            if (replacement is null)
            {
                continue;
            }

            var title = kind == "delta" ? DeltaTitle : LossTitle;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Replace(context.Document, site, replacement, ct), equivalenceKey: title),
                diagnostic);
        }
    }

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
        SimpleNameSyntax? name = current.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (name is null)
        {
            return document.Project.Solution;
        }

        var renamed = name.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
        return document.WithSyntaxRoot(root.ReplaceNode(name, renamed)).Project.Solution;
    }

    /// <summary>"Math.Log" where that binds to System.Math.Log at the site, else the fully qualified name.</summary>
    private static async Task<string> LogNameAsync(Document document, int position, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var probe = SyntaxFactory.ParseExpression("Math.Log(1.0)");
        var symbol = model?.GetSpeculativeSymbolInfo(position, probe, SpeculativeBindingOption.BindAsExpression).Symbol;
        return symbol?.ContainingType?.ToDisplayString() == "System.Math" ? "Math.Log" : "global::System.Math.Log";
    }

    private static async Task<Document> Replace(Document document, ExpressionSyntax site, ExpressionSyntax replacement, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var current = root.FindNode(site.Span, getInnermostNodeForTie: true) as ExpressionSyntax ?? site;
        var parenthesize = current.Parent is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax && replacement is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax;
        var fitted = parenthesize ? SyntaxFactory.ParenthesizedExpression(replacement) : replacement;
        return document.WithSyntaxRoot(root.ReplaceNode(current, fitted.WithTriviaFrom(current)));
    }

    /// <summary>(t - o) * o * (1 - o) → (t - o); (o - t) * Derivative(o) → (o - t).</summary>
    private static ExpressionSyntax? CrossEntropyDelta(ExpressionSyntax product)
    {
        var factors = new List<ExpressionSyntax>();
        Flatten(product, factors);
        var drop = new HashSet<ExpressionSyntax>();
        foreach (var factor in factors)
        {
            if (Unwrap(factor) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } oneMinus
                && Unwrap(oneMinus.Left) is LiteralExpressionSyntax literal && literal.Token.ValueText is "1" or "1.0" or "1d" or "1f" or "1.0f")
            {
                var output = factors.FirstOrDefault(f => f != factor && Key(f) == Key(oneMinus.Right));
                if (output != null)
                {
                    drop.Add(factor);
                    drop.Add(output);
                    break;
                }
            }
        }

        if (drop.Count == 0)
        {
            var differences = factors.Select(Unwrap).OfType<BinaryExpressionSyntax>().Where(b => b.IsKind(SyntaxKind.SubtractExpression)).ToList();
            var derivative = factors.FirstOrDefault(f => Unwrap(f) is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
                && (differences.Count == 0 || differences.Any(d => Key(d.Left) == Key(call.ArgumentList.Arguments[0].Expression) || Key(d.Right) == Key(call.ArgumentList.Arguments[0].Expression))));
            if (derivative is null)
            {
                return null;
            }

            drop.Add(derivative);
        }

        var kept = factors.Where(f => !drop.Contains(f)).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        ExpressionSyntax result = kept[0].WithoutTrivia();
        for (var i = 1; i < kept.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, result, kept[i].WithoutTrivia());
        }

        return result;
    }

    /// <summary>(p - y) * (p - y), Math.Pow(p - y, 2) or SquaredError(p, y) → -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p)).</summary>
    private static ExpressionSyntax? CrossEntropyLoss(ExpressionSyntax site, bool sigmoidOnRight, string log, bool categorical)
    {
        ExpressionSyntax? left = null;
        ExpressionSyntax? right = null;
        switch (Unwrap(site))
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } product when Unwrap(product.Left) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } d:
                (left, right) = (d.Left, d.Right);
                break;
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call when Unwrap(call.ArgumentList.Arguments[0].Expression) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } d
                && call.Expression.ToString().EndsWith("Pow", System.StringComparison.Ordinal):
                (left, right) = (d.Left, d.Right);
                break;
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call:
                (left, right) = (call.ArgumentList.Arguments[0].Expression, call.ArgumentList.Arguments[1].Expression);
                break;
        }

        if (left is null || right is null)
        {
            return null;
        }

        var p = Operand(sigmoidOnRight ? right : left);
        var y = Operand(sigmoidOnRight ? left : right);
        // One class's term of categorical cross-entropy is -y log p; binary cross-entropy adds the (1 - y) log(1 - p) term.
        var text = categorical
            ? "-(" + y + " * " + log + "(" + p + "))"
            : "-(" + y + " * " + log + "(" + p + ") + (1 - " + y + ") * " + log + "(1 - " + p + "))";
        return SyntaxFactory.ParseExpression(text);
    }

    private static string Operand(ExpressionSyntax e)
    {
        var inner = e.WithoutTrivia();
        return inner is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
            ? inner.ToString()
            : "(" + inner + ")";
    }

    private static void Flatten(ExpressionSyntax e, List<ExpressionSyntax> factors)
    {
        if (e is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } b)
        {
            Flatten(b.Left, factors);
            Flatten(b.Right, factors);
        }
        else if (e is ParenthesizedExpressionSyntax { Expression: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } inner })
        {
            Flatten(inner, factors);
        }
        else
        {
            factors.Add(e);
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

    private static string Key(ExpressionSyntax e) => Gradwise.Common.CodeText.Normalize(Unwrap(e).ToString());
}
