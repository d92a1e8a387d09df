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
using Microsoft.CodeAnalysis.Simplification;

namespace Gradwise.CodeFixes.Rules;

/// <summary>
/// GW3001: computes the log from the logit when the analyzer found it in reach (<c>Math.Log(p)</c> →
/// <c>-Softplus(-z)</c>, <c>Math.Log(1 - p)</c> → <c>-Softplus(z)</c>, adding a stable <c>Softplus</c> to the type
/// if it has none), or clamps the argument away from 0 (<c>Math.Log(Math.Max(p, 1e-12))</c>). Fix All works per
/// document, so the helper is added once per type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnstableLogFixer)), Shared]
public sealed class UnstableLogFixer : CodeFixProvider
{
    private const string StableKey = "GW3001.Stable";
    private const string ClampKey = "GW3001.Clamp";
    private const string HelperName = "Softplus";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UnstableLogOfProbability.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey == StableKey, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (UnstableLogFix.LibraryFunction(diagnostic) is { } function)
            {
                var libraryTitle = "Use functional." + function + " on the logits";
                context.RegisterCodeFix(CodeAction.Create(libraryTitle, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), stable: true, ct), StableKey), diagnostic);
                continue;
            }

            if (UnstableLogFix.IsLibrary(diagnostic))
            {
                continue; // a tensor's log of a stored activation: the message names the library's stable form
            }

            if (UnstableLogFix.Logit(diagnostic) is not null)
            {
                var title = UnstableLogFix.Index(diagnostic) is not null ? "Compute it from the scores: s[k] - LogSumExp(s)"
                    : UnstableLogFix.IsComplement(diagnostic) ? "Compute it from the logit: -Softplus(z)" : "Compute it from the logit: -Softplus(-z)";
                context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), stable: true, ct), StableKey), diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create("Clamp the argument away from 0", ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), stable: false, ct), ClampKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool stable, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var helpers = new Dictionary<TypeDeclarationSyntax, HashSet<bool>>(); // type → the helper types it needs (float?)
        var softmaxHelpers = new List<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (stable && UnstableLogFix.LibraryFunction(diagnostic) is { } function
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax librarySite
                && LibraryReplacement(root, diagnostic, librarySite, function) is { } replacement)
            {
                replacements[librarySite] = replacement.WithTriviaFrom(librarySite);
                continue;
            }

            if (UnstableLogFix.IsLibrary(diagnostic) || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } site)
            {
                continue;
            }

            var single = IsSingle(site);
            if (stable && UnstableLogFix.Index(diagnostic) is { } indexSpan && UnstableLogFix.Logit(diagnostic) is { } scoresSpan
                && root.FindNode(scoresSpan, getInnermostNodeForTie: true) is ExpressionSyntax scores && root.FindNode(indexSpan, getInnermostNodeForTie: true) is ExpressionSyntax index
                && site.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } softmaxType)
            {
                // log softmax(s)[k] = s[k] − LogSumExp(s)
                var element = SyntaxFactory.ElementAccessExpression(Parenthesized(scores.WithoutTrivia()), SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(index.WithoutTrivia()))));
                var logSumExp = SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(LogSumExpName), Arguments(scores.WithoutTrivia()));
                replacements[site] = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression, element, logSumExp))
                    .WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(site);
                if (!softmaxHelpers.Contains(softmaxType))
                {
                    softmaxHelpers.Add(softmaxType);
                }

                continue;
            }

            if (stable && UnstableLogFix.Logit(diagnostic) is { } span && root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax logit
                && site.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
            {
                var argument = UnstableLogFix.IsComplement(diagnostic) ? logit.WithoutTrivia() : Negate(logit.WithoutTrivia());
                var call = SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(HelperName), Arguments(argument));
                replacements[site] = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, call))
                    .WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(site);
                if (!helpers.TryGetValue(type, out var kinds))
                {
                    helpers[type] = kinds = new HashSet<bool>();
                }

                kinds.Add(single);
            }
            else if (!stable)
            {
                var math = SyntaxFactory.IdentifierName(single ? "MathF" : "Math");
                var floor = single
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("1e-7f", 1e-7f))
                    : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("1e-12", 1e-12));
                var argument = site.ArgumentList.Arguments[0];
                var max = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, math, SyntaxFactory.IdentifierName("Max")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(argument.Expression.WithoutTrivia()), SyntaxFactory.Argument(floor) })));
                replacements[argument.Expression] = max.WithTriviaFrom(argument.Expression);
            }
        }

        // Sites are replaced first (the types around them are tracked), then each type gets its helper once.
        var tracked = root.TrackNodes(helpers.Keys.Concat(softmaxHelpers).Cast<SyntaxNode>().Concat(replacements.Keys));
        var current = replacements.ToDictionary(pair => tracked.GetCurrentNode(pair.Key)!, pair => pair.Value);
        var fixedRoot = tracked.ReplaceNodes(current.Keys, (original, _) => current[original]);
        foreach (var pair in helpers)
        {
            var type = fixedRoot.GetCurrentNode(pair.Key);
            if (type is null)
            {
                continue;
            }

            var added = type;
            foreach (var single in pair.Value.OrderBy(s => s))
            {
                if (!HasHelper(added, single))
                {
                    added = added.AddMembers(Helper(single));
                }
            }

            fixedRoot = fixedRoot.ReplaceNode(type, added);
        }

        foreach (var type in softmaxHelpers)
        {
            if (fixedRoot.GetCurrentNode(type) is { } holder && !holder.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == LogSumExpName))
            {
                fixedRoot = fixedRoot.ReplaceNode(holder, holder.AddMembers(LogSumExpHelper()));
            }
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    private const string LogSumExpName = "LogSumExp";

    private static ExpressionSyntax Parenthesized(ExpressionSyntax e) =>
        e is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax ? e : SyntaxFactory.ParenthesizedExpression(e);

    /// <summary>log Σ e^(s_j) computed with the max shift, so it is finite for every finite s (GW3001's fix for a softmax).</summary>
    private static MethodDeclarationSyntax LogSumExpHelper() =>
        ((MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration("""
            private static double LogSumExp(global::System.Collections.Generic.IReadOnlyList<double> s)
            {
                double max = double.NegativeInfinity;
                foreach (var v in s) max = global::System.Math.Max(max, v);
                double sum = 0;
                foreach (var v in s) sum += global::System.Math.Exp(v - max);
                return max + global::System.Math.Log(sum);
            }
            """)!)
        .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.Comment("// log Σ e^s without overflow: log softmax(s)[k] = s[k] - LogSumExp(s) (GW3001)"), SyntaxFactory.ElasticCarriageReturnLineFeed)
        .WithAdditionalAnnotations(Simplifier.Annotation, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

    /// <summary>
    /// <c>torch.log(torch.sigmoid(z))</c> → <c>functional.logsigmoid(z)</c>, <c>x.softmax(1).log()</c> → <c>functional.log_softmax(x, 1)</c>,
    /// <c>functional.binary_cross_entropy(torch.sigmoid(z), y)</c> → <c>functional.binary_cross_entropy_with_logits(z, y)</c>.
    /// </summary>
    private static ExpressionSyntax? LibraryReplacement(SyntaxNode root, Diagnostic diagnostic, InvocationExpressionSyntax site, string function)
    {
        if (UnstableLogFix.Logit(diagnostic) is not { } logitSpan || root.FindNode(logitSpan, getInnermostNodeForTie: true) is not ExpressionSyntax logit)
        {
            return null;
        }

        var callee = LibraryCalls.Functional(function);
        if (function == "binary_cross_entropy_with_logits")
        {
            if (site.ArgumentList.Arguments.Count < 2)
            {
                return null;
            }

            var first = site.ArgumentList.Arguments[0];
            var arguments = site.ArgumentList.Arguments.Replace(first, first.WithExpression(logit.WithoutTrivia()));
            return site.WithExpression(callee).WithArgumentList(site.ArgumentList.WithArguments(arguments));
        }

        var list = new List<ArgumentSyntax> { SyntaxFactory.Argument(logit.WithoutTrivia()) };
        if (UnstableLogFix.Dimension(diagnostic) is { } dimensionSpan && root.FindNode(dimensionSpan, getInnermostNodeForTie: true) is ExpressionSyntax dimension)
        {
            list.Add(SyntaxFactory.Argument(dimension.WithoutTrivia()));
        }

        return SyntaxFactory.InvocationExpression(callee, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(list)));
    }

    private static bool IsSingle(InvocationExpressionSyntax site) =>
        site.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "MathF" } or PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.FloatKeyword } };

    private static ArgumentListSyntax Arguments(ExpressionSyntax argument) => SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument)));

    /// <summary>−z, parenthesized unless z is a name, a call, an element or a literal (so −(−w) never becomes --w).</summary>
    private static ExpressionSyntax Negate(ExpressionSyntax z) =>
        SyntaxFactory.PrefixUnaryExpression(
            SyntaxKind.UnaryMinusExpression,
            z is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
                ? z
                : SyntaxFactory.ParenthesizedExpression(z));

    /// <summary>A Softplus(x) of the site's type already in the type: it is called instead of adding one.</summary>
    private static bool HasHelper(TypeDeclarationSyntax type, bool single) =>
        type.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == HelperName && m.ParameterList.Parameters.Count == 1
            && m.ParameterList.Parameters[0].Type is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(single ? SyntaxKind.FloatKeyword : SyntaxKind.DoubleKeyword));

    /// <summary><c>private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));</c>: finite for every finite x.</summary>
    private static MethodDeclarationSyntax Helper(bool single)
    {
        var type = SyntaxFactory.PredefinedType(SyntaxFactory.Token(single ? SyntaxKind.FloatKeyword : SyntaxKind.DoubleKeyword));
        var math = SyntaxFactory.IdentifierName(single ? "MathF" : "Math");
        var x = SyntaxFactory.IdentifierName("x");
        ExpressionSyntax Call(string name, params ExpressionSyntax[] arguments) => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, math, SyntaxFactory.IdentifierName(name)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
        var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        var one = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1));
        var body = SyntaxFactory.BinaryExpression(
            SyntaxKind.AddExpression,
            Call("Max", x, zero),
            Call("Log", SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, one, Call("Exp", SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Call("Abs", x))))));
        return SyntaxFactory.MethodDeclaration(type, HelperName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.StaticKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Parameter(SyntaxFactory.Identifier("x")).WithType(type))))
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(body))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .NormalizeWhitespace()
            .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.Comment("// log(1 + e^x) without overflow: log σ(z) = -Softplus(-z), log(1 - σ(z)) = -Softplus(z) (GW3001)"), SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
    }
}
