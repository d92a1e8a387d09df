using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Flow;

/// <summary>
/// What one syntax tree could tell the flow index, found from syntax alone: the members (method
/// bodies, accessors, initializers) that write to a name, create a type or call a method of a
/// name. Kept by the analyzer driver across compilations (<see cref="SyntaxTreeValueProvider{TValue}"/>),
/// and computed per name when first asked, from where the name occurs in the file's text: a question
/// about <c>Output</c> looks at the tokens spelled <c>Output</c>, not at every node of the file (a walk
/// of every file was an eighth of GW1001's time on a 35k-line project). Nothing here is bound: the
/// index binds only the members a question leads to.
/// </summary>
internal sealed class TreeCandidates
{
    private static readonly string[] MathText = { "Exp(", "Tanh(", ".exp(", ".tanh(", "Math.E", "MathF.E", "Pow(E,", "Pow(e,", "Pow(2.71", "ActType.", "Sigmoid", "Softmax", "SoftMax", "sigmoid", "softmax", "Logistic" };

    private static readonly string[] GeneratedSuffixes = { ".g.cs", ".g.i.cs", ".generated.cs", ".designer.cs" };

    private readonly SyntaxTree tree;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SyntaxNode>> members = SharedTable.CreateSmall<string, IReadOnlyList<SyntaxNode>>(System.StringComparer.Ordinal);
    private string? text;
    private TreeVisibility? visibility;

    private TreeCandidates(SyntaxTree tree)
    {
        this.tree = tree;
    }

    /// <summary>The driver's per-tree cache of candidates.</summary>
    public static readonly SyntaxTreeValueProvider<TreeCandidates> Provider = new(Compute);

    /// <summary>The driver's per-tree cache of <see cref="MentionsActivation"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> ActivationProvider = new(MentionsActivation);

    /// <summary>
    /// True when the tree's text could hold an activation (an exponential, a power added to one as in 1 + bˣ, a tanh, a library
    /// activation by name). A text search, no syntax walk: it gates every rule on every compilation, so on code
    /// with no machine learning it is all that runs.
    /// </summary>
    public static bool MentionsActivation(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false; // the rules do not analyze generated code (Gradwise's own runtime has a sigmoid)
        }

        foreach (var needle in MathText)
        {
            if (text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return AddsPowerToOne(text);
    }

    /// <summary>
    /// True when the text adds a power to a literal one, as a logistic written with <c>Pow</c> does (<c>1 + Math.Pow(b, -z)</c>,
    /// <c>1f + Mathf.Pow(...)</c>); a sum of squares (<c>Math.Pow(dx, 2) + Math.Pow(dy, 2)</c>) is not that.
    /// </summary>
    internal static bool AddsPowerToOne(string text)
    {
        const string Power = "Pow(";
        for (var at = text.IndexOf(Power, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(Power, at + Power.Length, System.StringComparison.Ordinal))
        {
            var i = at - 1;
            while (i >= 0 && (char.IsLetter(text[i]) || text[i] == '.'))
            {
                i--; // the class: Math., MathF., Mathf., or none under a using static
            }

            i = SkipSpaces(text, i);
            if (i < 0 || text[i] != '+')
            {
                continue;
            }

            var end = SkipSpaces(text, i - 1);
            var start = end;
            while (start >= 0 && (char.IsDigit(text[start]) || text[start] is '.' or 'd' or 'D' or 'f' or 'F' or 'm' or 'M'))
            {
                start--;
            }

            var literal = text.Substring(start + 1, end - start).TrimEnd('d', 'D', 'f', 'F', 'm', 'M');
            var standsAlone = start < 0 || !(char.IsLetterOrDigit(text[start]) || text[start] == '_');
            if (standsAlone && double.TryParse(literal, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var one) && one == 1)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsLog"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> LogProvider = new(MentionsLog);

    /// <summary>
    /// True when the tree's text could hold a log or a library loss that takes one (the gate of GW3001 and GW4001): a text search,
    /// like <see cref="MentionsActivation"/>.
    /// </summary>
    public static bool MentionsLog(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false;
        }

        foreach (var needle in LogText)
        {
            if (text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsSparseUpdate"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> SparseUpdateProvider = new(MentionsSparseUpdate);

    /// <summary>
    /// True when the tree's text could hold a weight update over sparse input (the gate of GW2001's hand-written shapes): a
    /// sparse source (a dictionary's keys, a hash, split text, Math.NET's indexed enumeration) and an additive update.
    /// </summary>
    public static bool MentionsSparseUpdate(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false;
        }

        return SparseText.Any(needle => text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            && (text.IndexOf("+=", System.StringComparison.Ordinal) >= 0 || text.IndexOf("-=", System.StringComparison.Ordinal) >= 0 || text.IndexOf("] + ", System.StringComparison.Ordinal) >= 0 || text.IndexOf("] - ", System.StringComparison.Ordinal) >= 0 || text.IndexOf("GetValueOrDefault", System.StringComparison.Ordinal) >= 0);
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsRandom"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> RandomProvider = new(MentionsRandom);

    /// <summary>True when the tree's text could draw from a <c>System.Random</c> (the gate of GW5001).</summary>
    public static bool MentionsRandom(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        return !IsGenerated(tree.FilePath, text) && text.IndexOf("Random", System.StringComparison.Ordinal) >= 0;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsDifferentiable"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> DifferentiableProvider = new(MentionsDifferentiable);

    /// <summary>
    /// True when the tree's text could declare a [Differentiable] method (or an alias of the attribute): the gate of GW9001–GW9003,
    /// so a file without one binds no method's attributes.
    /// </summary>
    public static bool MentionsDifferentiable(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        return !IsGenerated(tree.FilePath, text) && text.IndexOf("Differentiable", System.StringComparison.Ordinal) >= 0;
    }

    /// <summary>The driver's per-tree cache of whether the tree's text has a <c>global using</c> directive (which may alias the attribute for every file).</summary>
    public static readonly SyntaxTreeValueProvider<bool> GlobalUsingProvider =
        new(tree => tree.GetText().ToString().IndexOf("global using", System.StringComparison.Ordinal) >= 0);

    private static readonly string[] SparseText = { "Key", "Hash", "Split(", "Enumerate", "Dictionary<", "foreach (var (" };

    private static readonly string[] LogText = { "Log(", "log(", "kl_div", "cross_entropy", "KLDivLoss", "CrossEntropyLoss", "BCELoss" };

    /// <summary>
    /// The members under a key (in no particular order): <c>"w:" + name</c> write to something of that name (or its elements),
    /// <c>"new:" + type</c> create a type of that name (<c>"new:"</c> alone: target-typed <c>new(...)</c>),
    /// <c>"call:" + name</c> call a method of that name, <c>"a:" + name</c> hand something of that name to a method by value;
    /// under <c>"s:" + name</c>, the plain assignments <c>... = v</c> to something of that name themselves (not their members).
    /// </summary>
    public IReadOnlyList<SyntaxNode> Members(string key) =>
        members.TryGetValue(key, out var found) ? found : members.GetOrAdd(key, Find);

    /// <summary>The tree's text, read once for the tree (two threads reading it at once make equal strings; the first published is kept).</summary>
    private string Text => System.Threading.Volatile.Read(ref text) ?? System.Threading.LazyInitializer.EnsureInitialized(ref text, () => tree.GetText().ToString())!;

    /// <summary>What the file can name: its header (usings, namespaces) and the identifiers its text writes before a dot. Read once for the tree.</summary>
    public TreeVisibility Visibility => System.Threading.Volatile.Read(ref visibility) ?? System.Threading.LazyInitializer.EnsureInitialized(ref visibility, () => TreeVisibility.Read(tree, Text))!;

    private IReadOnlyList<SyntaxNode> Find(string key)
    {
        var text = Text;
        var colon = key.IndexOf(':');
        var kind = key.Substring(0, colon + 1);
        var name = key.Substring(colon + 1);
        var found = new List<SyntaxNode>();
        var root = tree.GetRoot();
        var needle = name.Length == 0 ? "new" : name;
        for (var at = text.IndexOf(needle, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, System.StringComparison.Ordinal))
        {
            var token = root.FindToken(at);
            if (!token.Span.Contains(at) || token.Parent is not { } parent)
            {
                continue; // in a comment or disabled text
            }

            if (name.Length == 0)
            {
                if (token.IsKind(SyntaxKind.NewKeyword) && parent is ImplicitObjectCreationExpressionSyntax)
                {
                    AddOwner(found, parent);
                }
            }
            else if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                Classify(kind, token, parent, found);
            }
        }

        return found.Count == 0 ? System.Array.Empty<SyntaxNode>() : found.Distinct().ToList();
    }

    /// <summary>The member that holds a use of the name under <paramref name="kind"/>, if this occurrence is one.</summary>
    private static void Classify(string kind, SyntaxToken token, SyntaxNode parent, List<SyntaxNode> found)
    {
        switch (parent)
        {
            case VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } field when kind == "w:" && field.Identifier == token:
                AddOwner(found, initializer);
                return;
            case PropertyDeclarationSyntax { Initializer: { } initializer } property when kind == "w:" && property.Identifier == token:
                AddOwner(found, initializer);
                return;
            case IdentifierNameSyntax or GenericNameSyntax:
                break;
            default:
                return;
        }

        // Every expression whose rightmost name (a.b.C, C[i], this.C, C<T>, x?.C, (C)) is this token, innermost first.
        for (SyntaxNode expression = parent; ; )
        {
            switch (kind)
            {
                case "w:" when IsWriteTarget(expression) is { } write:
                    AddOwner(found, write);
                    break;
                case "s:" when expression.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == expression:
                    found.Add(assignment);
                    break;
                case "a:" when expression.Parent is ArgumentSyntax argument && MemberFacts.MayFill(argument):
                    AddOwner(found, argument);
                    break;
                case "new:" when expression.Parent is ObjectCreationExpressionSyntax creation && creation.Type == expression:
                    AddOwner(found, creation);
                    break;
                case "new:" when expression.Parent is SimpleBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax derived } }:
                    // class SigmoidLayer : Layer { public SigmoidLayer(...) : base(...) { } }: the base(...) calls construct a Layer.
                    foreach (var constructor in derived.Members.OfType<ConstructorDeclarationSyntax>())
                    {
                        if (constructor.Initializer is { RawKind: (int)SyntaxKind.BaseConstructorInitializer } initializer)
                        {
                            AddOwner(found, initializer);
                        }
                    }

                    break;
                case "new:" when expression.Parent is PrimaryConstructorBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax { ParameterList: not null } derived } }:
                    // class SigmoidLayer(int size) : Layer(size, Sigmoid): the primary constructor's body (its operation is the type's) constructs a Layer.
                    found.Add(derived);
                    break;
                case "call:" when expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression:
                    AddOwner(found, invocation);
                    break;
            }

            if (OuterWithSameName(expression) is not { } outer)
            {
                return;
            }

            expression = outer;
        }
    }

    /// <summary>The expression around <paramref name="expression"/> whose rightmost name is the same, or null.</summary>
    private static SyntaxNode? OuterWithSameName(SyntaxNode expression) => expression.Parent switch
    {
        QualifiedNameSyntax qualified when qualified.Right == expression => qualified,
        AliasQualifiedNameSyntax alias when alias.Name == expression => alias,
        MemberAccessExpressionSyntax member when member.Name == expression => member,
        MemberBindingExpressionSyntax binding when binding.Name == expression => binding,
        ElementAccessExpressionSyntax element when element.Expression == expression => element,
        ParenthesizedExpressionSyntax parenthesized => parenthesized,
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang => bang,
        ConditionalAccessExpressionSyntax conditional when conditional.WhenNotNull == expression => conditional,
        NullableTypeSyntax nullable when nullable.ElementType == expression => nullable,
        _ => null,
    };

    /// <summary>
    /// The node that writes <paramref name="target"/>: an assignment to it (a deconstruction too), <c>++</c>/<c>--</c> on it, or a call that writes its
    /// elements (<c>list.Add(v)</c>, <c>Array.Copy(src, dst, n)</c>, <c>src.CopyTo(dst)</c>, as <see cref="MemberFacts"/> reads them).
    /// </summary>
    private static SyntaxNode? IsWriteTarget(SyntaxNode target)
    {
        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target:
                return assignment;
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                return postfix;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                return prefix;
            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Expression == target && invocation.Expression == access
                && MemberFacts.AddsAnElement(RightmostName(access)):
                return invocation;
            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                return DeconstructionInto(tuple);
            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } asSpan } access
                when access.Expression == target && access.Name.Identifier.ValueText == "AsSpan":
                return IsWriteTarget(asSpan); // TensorPrimitives.Sigmoid(z, outputs.AsSpan()): the span's elements are the array's
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument:
                var position = list.Arguments.IndexOf(argument);
                var called = RightmostName(invocation.Expression);
                return (MemberFacts.CopiesAnArray(called) && position is 1 or 2) || (MemberFacts.CopiesInto(called) && position == 0)
                    || (MemberFacts.FillsDestination(called) is int destination && position == destination && list.Arguments.Count == destination + 1
                        && (invocation.Expression is MemberAccessExpressionSyntax { Expression: var library } ? NamesTensorPrimitives(library) : invocation.Expression is SimpleNameSyntax))
                    ? invocation // TensorPrimitives.Sigmoid(z, o), TP.Sigmoid(z, o) through an alias, or Sigmoid(z, o) under using static (MemberFacts checks the method is TensorPrimitives')
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="library"/> names <c>TensorPrimitives</c>: by that name, or by an alias a <c>using</c> of its file (or of a
    /// namespace around it) gives it (<c>using TP = System.Numerics.Tensors.TensorPrimitives;</c>). A global alias in another file is not seen.
    /// </summary>
    private static bool NamesTensorPrimitives(ExpressionSyntax library)
    {
        var name = RightmostName(library);
        if (name == "TensorPrimitives")
        {
            return true;
        }

        if (library is not IdentifierNameSyntax)
        {
            return false;
        }

        for (var scope = library.Parent; scope != null; scope = scope.Parent)
        {
            var usings = scope switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax space => space.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias?.Name.Identifier.ValueText == name && directive.Name is { } target)
                {
                    return RightmostName(target) == "TensorPrimitives";
                }
            }
        }

        return false;
    }

    /// <summary>The deconstruction whose left side <paramref name="tuple"/> is, or is nested in (<c>(Sum, (Output, _)) = ...</c>); else null.</summary>
    private static AssignmentExpressionSyntax? DeconstructionInto(TupleExpressionSyntax tuple)
    {
        SyntaxNode side = tuple;
        while (side.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer })
        {
            side = outer;
        }

        return side.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == side ? assignment : null;
    }

    private static void AddOwner(List<SyntaxNode> found, SyntaxNode node)
    {
        if (Owner(node) is { } owner)
        {
            found.Add(owner);
        }
    }

    /// <summary>Generated code by the usual conventions: a <c>.g.cs</c>/<c>.designer.cs</c>-style name or an <c>&lt;auto-generated</c> comment at the top.</summary>
    private static bool IsGenerated(string path, string text)
    {
        // Not Path.GetFileName: on .NET Framework hosts it throws on characters a tree's path may hold.
        var name = path ?? string.Empty;
        name = name.Substring(System.Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1);
        foreach (var suffix in GeneratedSuffixes)
        {
            if (name.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var header = text.Length > 500 ? text.Substring(0, 500) : text;
        return header.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && header.IndexOf("<auto-generated", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The candidates of one tree, found when asked (the provider calls this; so does a caller without a driver cache).</summary>
    public static TreeCandidates Compute(SyntaxTree tree) => new(tree);

    /// <summary>The node whose operation tree holds <paramref name="node"/>: a member body or an initializer.</summary>
    public static SyntaxNode? Owner(SyntaxNode node)
    {
        for (var current = node; current != null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or GlobalStatementSyntax:
                    return current;
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return current;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax }:
                    return current;
                case TypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>a.b.C</c>, <c>C[i]</c>, <c>this.C</c>, <c>C&lt;T&gt;</c> → "C".</summary>
    private static string? RightmostName(SyntaxNode? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    expression = qualified.Right;
                    continue;
                case AliasQualifiedNameSyntax alias:
                    expression = alias.Name;
                    continue;
                case MemberAccessExpressionSyntax member:
                    expression = member.Name;
                    continue;
                case MemberBindingExpressionSyntax binding:
                    expression = binding.Name;
                    continue;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    continue;
                case ConditionalAccessExpressionSyntax conditional:
                    expression = conditional.WhenNotNull;
                    continue;
                case NullableTypeSyntax nullable:
                    expression = nullable.ElementType;
                    continue;
                default:
                    return null;
            }
        }
    }
}
