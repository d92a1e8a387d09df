using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// The per-compilation flow index every rule asks: the values written to a field, property or
/// array (anywhere in the compilation), passed to a parameter, returned by a method; the
/// implementations of an abstract member; the definitions that reach a local.
/// <para>
/// How it stays cheap: syntax alone (<see cref="TreeCandidates"/>, cached per tree by the driver)
/// says which member bodies could answer a question; only those are read, each once per
/// compilation, from the semantic model the analyzer driver analyzes that file with (recorded
/// from the operations the rules are called with, <see cref="Saw"/>), so a body the driver already
/// bound is not bound again. <c>Compilation.GetSemanticModel</c> is only the fallback for a file no
/// rule has been called in yet: the driver drops its cached model of a file once the file is
/// analyzed, so that call alone would often bind a second copy (measured: in 121 of 200 concurrent
/// runs of a six-file project some operation's model was not the one it returned). Answers are cached by symbol.
/// Nothing is computed for a compilation that never asks. This is also how cross-file facts reach
/// the IDE: analyzing one open document reads only the few bodies in other files that write the
/// members it uses, without whole-solution analysis.
/// </para>
/// </summary>
internal sealed class FlowIndex : IValueSource
{
    private readonly Compilation compilation;
    private readonly System.Func<SyntaxTree, TreeCandidates> candidatesOf;
    private readonly ConcurrentDictionary<SyntaxNode, System.Lazy<MemberFacts>> members = SharedTable.Create<SyntaxNode, System.Lazy<MemberFacts>>();
    private readonly ConcurrentDictionary<IOperation, MemberFacts> roots = SharedTable.Create<IOperation, MemberFacts>();
    private readonly ConcurrentDictionary<IOperation, LocalDefinitions> definitions = SharedTable.Create<IOperation, LocalDefinitions>();
    private readonly ConcurrentDictionary<IOperation, Dictionary<ILocalSymbol, IReadOnlyList<IOperation>>> simpleLocals = SharedTable.Create<IOperation, Dictionary<ILocalSymbol, IReadOnlyList<IOperation>>>();
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<Write>> writes = SharedTable.Create<ISymbol, IReadOnlyList<Write>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ISymbol?> storages = SharedTable.Create<ITypeSymbol, ISymbol?>(SymbolEqualityComparer.Default);
    // The grouped answers are Lazy, so threads asking the same question at once wait for one reading instead of each binding the same bodies.
    private readonly ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<Write>>>> writesByName = SharedTable.Create<string, System.Lazy<Dictionary<ISymbol, List<Write>>>>(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<Handed>>>> handedByName = SharedTable.Create<string, System.Lazy<Dictionary<ISymbol, List<Handed>>>>(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<Handed>> handed = SharedTable.Create<ISymbol, IReadOnlyList<Handed>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<Argument>>>> argumentsByKey = SharedTable.Create<string, System.Lazy<Dictionary<ISymbol, List<Argument>>>>(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<CallReceiver>>>> receiversByKey = SharedTable.Create<string, System.Lazy<Dictionary<ISymbol, List<CallReceiver>>>>(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<IMethodSymbol>>>> implementationsByName = SharedTable.Create<string, System.Lazy<Dictionary<ISymbol, List<IMethodSymbol>>>>(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = SharedTable.Create<SyntaxTree, SemanticModel>();
    private readonly ConcurrentDictionary<ISymbol, string> keyNames = SharedTable.Create<ISymbol, string>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, IReadOnlyList<SyntaxTree>> treesSeeing = SharedTable.Create<string, IReadOnlyList<SyntaxTree>>(System.StringComparer.Ordinal);
    private readonly System.Lazy<HashSet<string>> globalImports;
    private readonly System.Lazy<VisibilityIndex> visibility;
    private readonly int scannedNamespaces;
    private int namespacesAsked;
    private readonly System.Lazy<Dictionary<SyntaxTree, int>> treeOrder;

    /// <param name="compilation">The compilation.</param>
    /// <param name="candidatesOf">Each file's candidates (and what it can name), kept across edits by the caller.</param>
    /// <param name="scannedNamespaces">How many namespaces are answered by asking each file before an index over all files is built.</param>
    public FlowIndex(Compilation compilation, System.Func<SyntaxTree, TreeCandidates> candidatesOf, int scannedNamespaces = 8)
    {
        this.compilation = compilation;
        this.scannedNamespaces = scannedNamespaces;

        // The driver's cache of a tree's candidates takes a lock per lookup (measured: threads spinning on it were a third of
        // the rule's time); each tree is fetched from it once, then read without a lock.
        var fetched = new ConcurrentDictionary<SyntaxTree, TreeCandidates>();
        System.Func<SyntaxTree, TreeCandidates> fetch = candidatesOf;
        this.candidatesOf = tree => fetched.GetOrAdd(tree, fetch);
        // Both are built when first needed (a rule whose gate stops it never needs them), then only read.
        globalImports = new System.Lazy<HashSet<string>>(
            () => new HashSet<string>(compilation.SyntaxTrees.SelectMany(tree => this.candidatesOf(tree).Visibility.GlobalImports), System.StringComparer.Ordinal),
            LazyThreadSafetyMode.ExecutionAndPublication);
        visibility = new System.Lazy<VisibilityIndex>(() => VisibilityIndex.Build(compilation.SyntaxTrees, tree => this.candidatesOf(tree).Visibility), LazyThreadSafetyMode.ExecutionAndPublication);
        treeOrder = new System.Lazy<Dictionary<SyntaxTree, int>>(
            () =>
            {
                var order = new Dictionary<SyntaxTree, int>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    order[tree] = order.Count;
                }

                return order;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation => compilation;

    /// <summary>The driver's per-file cache (<c>CompilationStartAnalysisContext.TryGetValue</c>).</summary>
    public delegate bool CachedValue<T>(SyntaxTree tree, Microsoft.CodeAnalysis.Diagnostics.SyntaxTreeValueProvider<T> provider, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value);

    /// <summary>The index of a compilation a rule starts on, reading candidates from the driver's per-file cache.</summary>
    public static FlowIndex For(Compilation compilation, CachedValue<TreeCandidates> cached) =>
        new(compilation, tree => cached(tree, TreeCandidates.Provider, out var found) ? found : TreeCandidates.Compute(tree));

    /// <summary>True when some file of the compilation passes a per-file text gate (cached by the driver; a value it cannot give passes).</summary>
    public static bool AnyFile(Compilation compilation, CachedValue<bool> cached, Microsoft.CodeAnalysis.Diagnostics.SyntaxTreeValueProvider<bool> gate) =>
        compilation.SyntaxTrees.Any(tree => !cached(tree, gate, out var found) || found);

    /// <summary>Records the driver's model of the file <paramref name="operation"/> is in, for the bodies of that file a question leads to.</summary>
    public void Saw(IOperation operation)
    {
        if (operation.SemanticModel is { } model && model.SyntaxTree == operation.Syntax.SyntaxTree
            && (!models.TryGetValue(model.SyntaxTree, out var known) || !ReferenceEquals(known, model)))
        {
            models[model.SyntaxTree] = model;
        }
    }

    /// <summary>What the body or initializer declared by <paramref name="owner"/> does.</summary>
    public MemberFacts FactsOf(SyntaxNode owner, CancellationToken cancellationToken) =>
        Once(members, owner, () =>
        {
            if (!compilation.ContainsSyntaxTree(owner.SyntaxTree))
            {
                return MemberFacts.Empty;
            }

            var model = models.GetOrAdd(owner.SyntaxTree, tree => compilation.GetSemanticModel(tree));
            var operation = model.GetOperation(owner, cancellationToken);
            return operation is null ? MemberFacts.Empty : FactsOfRoot(Operations.Root(operation));
        }, cancellationToken);

    /// <summary>
    /// The answer under <paramref name="key"/>, computed by one thread while others asking the same wait for it. A reading that
    /// was cancelled is not kept: it is dropped, and a caller that was not cancelled reads again.
    /// </summary>
    private static TValue Once<TKey, TValue>(ConcurrentDictionary<TKey, System.Lazy<TValue>> map, TKey key, System.Func<TValue> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = map.GetOrAdd(key, _ => new System.Lazy<TValue>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return lazy.Value;
            }
            catch (System.OperationCanceledException)
            {
                ((ICollection<KeyValuePair<TKey, System.Lazy<TValue>>>)map).Remove(new KeyValuePair<TKey, System.Lazy<TValue>>(key, lazy));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>What an operation tree the caller already has does.</summary>
    public MemberFacts FactsOfRoot(IOperation root) => roots.GetOrAdd(root, MemberFacts.Read);

    /// <summary>Every value stored into <paramref name="symbol"/> or its elements: anywhere for members, in the declaring body for locals and parameters.</summary>
    public IReadOnlyList<Write> WritesTo(ISymbol symbol, IOperation? useInBody, CancellationToken cancellationToken)
    {
        symbol = symbol.OriginalDefinition;
        if (symbol is ILocalSymbol or IParameterSymbol)
        {
            return useInBody is null
                ? System.Array.Empty<Write>()
                : FactsOfRoot(Operations.Root(useInBody)).Writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Target, symbol)).ToList();
        }

        return writes.GetOrAdd(symbol, target =>
        {
            var written = FactsAbout(target, "w:", writesByName, facts => facts.Writes, w => w.Target, cancellationToken);
            if (PositionalParameter(target) is not var (constructor, ordinal))
            {
                return written;
            }

            // record Result(double Output): each new Result(v) stores v into Output (with expressions and initializers are writes above).
            return ArgumentsTo(constructor, ordinal, cancellationToken).Select(v => new Write(target, false, v, false, v)).Concat(written).ToList();
        });
    }

    /// <summary>
    /// The plain assignments <c>... = v</c> whose target is named as <paramref name="member"/>, found from syntax alone in the files that
    /// can write it (its type's, for a private member): nothing is bound, so a caller can rule a member out before it asks for its writes.
    /// </summary>
    public IEnumerable<AssignmentExpressionSyntax> AssignmentsNamed(ISymbol member, CancellationToken cancellationToken) =>
        Owners("s:" + member.Name, PrivateScope(member) ?? TreesSeeing(NamespaceOf(member)), cancellationToken).OfType<AssignmentExpressionSyntax>();

    /// <summary>
    /// The calls that hand the collection a field or property holds to a method of yours by value (<c>Activate(z, Outputs)</c>), which
    /// may fill it: anywhere in the files that can name the member's namespace (in its type, for a private member).
    /// </summary>
    public IReadOnlyList<Handed> HandedFrom(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        return handed.GetOrAdd(member, target => FactsAbout(target, "a:", handedByName, facts => facts.Handed, h => h.Target, cancellationToken));
    }

    /// <summary>
    /// The facts of one kind about a member (its writes, the calls it is handed to), read from the members whose syntax can hold one
    /// (<paramref name="kind"/> + name in <see cref="TreeCandidates"/>): for a private member, inside its outermost type's declarations;
    /// else every member of the files that can name its namespace is read once, for all the symbols of that name.
    /// </summary>
    private IReadOnlyList<T> FactsAbout<T>(ISymbol target, string kind, ConcurrentDictionary<string, System.Lazy<Dictionary<ISymbol, List<T>>>> byName, System.Func<MemberFacts, List<T>> facts, System.Func<T, ISymbol> about, CancellationToken cancellationToken)
    {
        if (PrivateScope(target) is { } trees)
        {
            var result = new List<T>();
            foreach (var owner in Owners(kind + target.Name, trees, cancellationToken))
            {
                result.AddRange(facts(FactsOf(owner, cancellationToken)).Where(f => SymbolEqualityComparer.Default.Equals(about(f), target)));
            }

            return result;
        }

        var ns = NamespaceOf(target);
        var byTarget = Once(byName, target.Name + "@" + ns, () => Group(target.Name, kind + target.Name, ns, facts, about, cancellationToken), cancellationToken);
        return byTarget.TryGetValue(target, out var found) ? found : System.Array.Empty<T>();
    }

    /// <summary>The primary constructor of a record and the ordinal of the parameter a positional property of it is made from, or null for any other member.</summary>
    private static (IMethodSymbol Constructor, int Ordinal)? PositionalParameter(ISymbol member)
    {
        if (member is not IPropertySymbol { ContainingType: { IsRecord: true } type } || member.DeclaringSyntaxReferences.Length != 1
            || member.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax { Parent: ParameterListSyntax { Parent: TypeDeclarationSyntax declaration } list } parameter)
        {
            return null;
        }

        var constructor = type.InstanceConstructors.FirstOrDefault(c => Operations.IsPrimaryConstructor(c) && c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() == declaration));
        return constructor is null ? null : (constructor, list.Parameters.IndexOf(parameter));
    }

    /// <summary>The values passed at <paramref name="ordinal"/> to <paramref name="method"/> (a constructor or method) across the compilation, explicit defaults included.</summary>
    public IReadOnlyList<IOperation> ArgumentsTo(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        var constructor = method.MethodKind == MethodKind.Constructor;
        var name = constructor ? method.ContainingType.Name : method.Name;
        var ns = NamespaceOf(method);
        var result = new List<IOperation>();
        foreach (var key in constructor ? new[] { "new:" + name, "new:" } : new[] { "call:" + name })
        {
            var byMethod = Once(argumentsByKey, key + "@" + ns, () => Group(null, key, ns, facts => facts.Arguments, a => a.Method, cancellationToken), cancellationToken);
            if (byMethod.TryGetValue(method, out var passed))
            {
                result.AddRange(passed.Where(a => a.Ordinal == ordinal).Select(a => a.Value));
            }
        }

        return result;
    }

    /// <summary>The receivers of every call of <paramref name="method"/> (an instance method with source) that passes no argument, across the compilation.</summary>
    public IReadOnlyList<IOperation> ReceiversOfCalls(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        var key = "call:" + method.Name;
        var ns = NamespaceOf(method);
        var byMethod = Once(receiversByKey, key + "@" + ns, () => Group(null, key, ns, facts => facts.Receivers, r => r.Method, cancellationToken), cancellationToken);
        return byMethod.TryGetValue(method, out var calls) ? calls.Select(c => c.Receiver).ToList() : System.Array.Empty<IOperation>();
    }

    /// <summary>
    /// The receivers of every call of an instance method with source, across the compilation: found by what the calls pass its first
    /// parameter (the call around each such argument), or for a method of no parameter, kept by the index. Null for a call with no
    /// receiver written.
    /// </summary>
    public IEnumerable<IOperation?> CallReceivers(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.Parameters.IsEmpty
            ? ReceiversOfCalls(method, cancellationToken)
            : ArgumentsTo(method, 0, cancellationToken).Select(passed => passed.Parent is IArgumentOperation { Parent: IInvocationOperation { Instance: { } instance } } ? instance : null);

    /// <summary>The values a method with source returns (empty for one without).</summary>
    public IReadOnlyList<IOperation> ReturnsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var result = new List<IOperation>();
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var owner = syntax is PropertyDeclarationSyntax { ExpressionBody: { } arrow } ? arrow : syntax;
            if (owner is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax)
            {
                result.AddRange(FactsOf(owner, cancellationToken).Returns);
            }
            else if (owner is LocalFunctionStatementSyntax && TreeCandidates.Owner(owner) is { } container
                && FactsOf(container, cancellationToken).Root is { } root
                && root.DescendantsAndSelf().OfType<ILocalFunctionOperation>().FirstOrDefault(f => f.Syntax == owner) is { Body: { } body } function)
            {
                // A local function: the returns of its own body, read from the operation tree of the member around it.
                result.AddRange(body.DescendantsAndSelf().OfType<IReturnOperation>()
                    .Where(r => r.ReturnedValue != null && !Operations.IsInsideFunction(r, function))
                    .Select(r => r.ReturnedValue!));
            }
        }

        return result;
    }

    /// <summary>
    /// The stores a method with source makes to its own parameter in its body: <c>o = ...</c> for an <c>out</c> or <c>ref</c> parameter,
    /// <c>o[i] = ...</c> for an array or span it is handed to fill (empty for a method without source).
    /// </summary>
    public IReadOnlyList<Write> WritesToParameter(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        parameter.ContainingSymbol is IMethodSymbol method && parameter.Ordinal < method.OriginalDefinition.Parameters.Length
            ? WritesIn(method, method.OriginalDefinition.Parameters[parameter.Ordinal], cancellationToken)
            : System.Array.Empty<Write>();

    /// <inheritdoc />
    public IReadOnlyList<Write> WritesIn(IMethodSymbol method, ISymbol target, CancellationToken cancellationToken)
    {
        var result = new List<Write>();
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            // A local function's body is read with the member around it, whose facts hold the local function's stores too.
            var owner = syntax is LocalFunctionStatementSyntax ? TreeCandidates.Owner(syntax) : syntax is BaseMethodDeclarationSyntax ? syntax : null;
            if (owner != null)
            {
                result.AddRange(FactsOf(owner, cancellationToken).Writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Target, target)));
            }
        }

        return result;
    }

    /// <summary>
    /// The source members that implement or override <paramref name="member"/>: methods, or for a property's getter
    /// (<c>IUnit.LastOutput</c>'s), the getters of the properties that implement or override the property.
    /// </summary>
    public IReadOnlyList<IMethodSymbol> Implementations(IMethodSymbol member, CancellationToken cancellationToken)
    {
        // Every source member of the name is looked at once, for all the members of that name it implements
        // (projects declare many interfaces with an Apply or a Derivative: asking each one alone would be quadratic).
        var name = member is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } ? property.Name : member.Name;
        var byMember = Once(implementationsByName, name, () => ImplementationsNamed(name, cancellationToken), cancellationToken);
        return byMember.TryGetValue(member.OriginalDefinition, out var found) ? found : (IReadOnlyList<IMethodSymbol>)System.Array.Empty<IMethodSymbol>();
    }

    private Dictionary<ISymbol, List<IMethodSymbol>> ImplementationsNamed(string name, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ISymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        void Add(IMethodSymbol? implemented, IMethodSymbol implementation)
        {
            if (implemented is null)
            {
                return;
            }

            if (!result.TryGetValue(implemented.OriginalDefinition, out var list))
            {
                result[implemented.OriginalDefinition] = list = new List<IMethodSymbol>();
            }

            if (!list.Contains(implementation, SymbolEqualityComparer.Default))
            {
                list.Add(implementation);
            }
        }

        foreach (var candidate in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken).OrderBy(Position))
        {
            if (candidate.IsAbstract || candidate.DeclaringSyntaxReferences.Length == 0 || candidate.ContainingType is not { } type)
            {
                continue;
            }

            if (candidate is IPropertySymbol { IsIndexer: false, GetMethod: { } getter } property)
            {
                // A property stands for its getter: a read of IUnit.LastOutput runs the getter of Unit.LastOutput.
                for (var overridden = property.OverriddenProperty; overridden != null; overridden = overridden.OverriddenProperty)
                {
                    Add(overridden.GetMethod, getter);
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var interfaceProperty in @interface.GetMembers(name).OfType<IPropertySymbol>())
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property))
                        {
                            Add(interfaceProperty.GetMethod, getter);
                        }
                    }
                }

                continue;
            }

            if (candidate is not IMethodSymbol method)
            {
                continue;
            }

            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                Add(overridden, method);
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var interfaceMember in @interface.GetMembers(name).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMember), method))
                    {
                        Add(interfaceMember, method);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The implementation of <paramref name="member"/> that <paramref name="type"/> has.</summary>
    public static IMethodSymbol? ImplementationIn(INamedTypeSymbol type, IMethodSymbol member)
    {
        if (member.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return type.FindImplementationForInterfaceMember(member) as IMethodSymbol;
        }

        for (var t = type; t != null; t = t.BaseType)
        {
            foreach (var candidate in t.GetMembers(member.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, member.OriginalDefinition) || Overrides(candidate, member))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The definitions that reach this read of a local.</summary>
    public IReadOnlyList<IOperation> Reaching(ILocalReferenceOperation use, CancellationToken cancellationToken)
    {
        var root = Operations.Root(use);
        if (simpleLocals.GetOrAdd(root, LocalDefinitions.WithoutGraph).TryGetValue(use.Local, out var known))
        {
            return known; // the common cases need no control-flow graph: a local written once, a foreach variable, an accumulator
        }

        return definitions.GetOrAdd(root, r => LocalDefinitions.Build(r, cancellationToken)).Reaching(use, cancellationToken);
    }

    /// <summary>The collection a <c>foreach</c> variable takes its elements from (<c>neurons</c> of <c>foreach (var n in neurons)</c>), or null for any other local.</summary>
    public IOperation? ForEachCollection(ILocalReferenceOperation local, CancellationToken cancellationToken) =>
        Reaching(local, cancellationToken) is [var definition] && (definition as IForEachLoopOperation ?? definition.Parent as IForEachLoopOperation) is
        { LoopControlVariable: IVariableDeclaratorOperation { Symbol: var each } } loop && SymbolEqualityComparer.Default.Equals(each, local.Local)
            ? loop.Collection
            : null;

    /// <summary>
    /// The definitions that reach this read of a local by the control-flow graph alone: unlike <see cref="Reaching"/>, an accumulator
    /// (<c>double e = o; e -= t;</c>) is not answered by all its writes, so a read after one compound store gets that store only.
    /// </summary>
    public IReadOnlyList<IOperation> ReachingByGraph(ILocalReferenceOperation use, CancellationToken cancellationToken) =>
        definitions.GetOrAdd(Operations.Root(use), r => LocalDefinitions.Build(r, cancellationToken)).Reaching(use, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Asked of the control-flow graph (the cheap answer for an accumulator is all its writes) only where a write subtracts in place.
    /// </remarks>
    public (IOperation Left, IOperation Right)? SubtractedInPlace(ILocalReferenceOperation local, CancellationToken cancellationToken)
    {
        static bool IsSubtraction(IOperation definition) => definition is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract, OperatorMethod: null };
        if (!Reaching(local, cancellationToken).Any(IsSubtraction)
            || ReachingByGraph(local, cancellationToken) is not [ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } inPlace] || !IsSubtraction(inPlace)
            || ReachingByGraph(target, cancellationToken) is not [var before] || !IsValue(before))
        {
            return null;
        }

        return (before, inPlace.Value);
    }

    /// <inheritdoc />
    public IOperation? SingleDefinition(ILocalReferenceOperation local, CancellationToken cancellationToken)
    {
        var reaching = Reaching(local, cancellationToken);
        // A deconstructed local's definition is its place in the target (a reference to itself), not a value to read.
        return reaching.Count == 1 && IsValue(reaching[0]) ? reaching[0] : null;
    }

    /// <summary>
    /// True when a reaching definition is a value to read (<c>t - o</c> in <c>double e = t - o;</c>): not a store in place, an increment,
    /// a nested assignment, an <c>out</c> or <c>ref</c> argument, a <c>foreach</c> variable or a deconstructed local's place in its target.
    /// </summary>
    public static bool IsValue(IOperation definition) =>
        definition is not (ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IAssignmentOperation or IArgumentOperation or IForEachLoopOperation or ILocalReferenceOperation);

    /// <inheritdoc />
    /// <remarks>
    /// A store into its elements, a compound store or an increment is not a constant, so any of them leaves no answer; a store of
    /// a parameter (<c>this.kind = kind;</c> in a constructor) stores what every call passes it, when that is one constant. A
    /// store through a <c>ref</c> or <c>out</c> argument, or from outside the compilation, is not seen.
    /// </remarks>
    public Optional<object?> OnlyConstantStored(ISymbol member, CancellationToken cancellationToken)
    {
        if (member is not (IFieldSymbol { IsConst: false } or IPropertySymbol { Parameters.IsEmpty: true }) || member.DeclaringSyntaxReferences.IsEmpty)
        {
            return default;
        }

        var only = default(Optional<object?>);
        foreach (var write in WritesTo(member, null, cancellationToken))
        {
            if (write.IntoElements || write.ValueIsElements)
            {
                return default;
            }

            var value = Operations.Strip(write.Value) is IParameterReferenceOperation { Parameter: var parameter }
                ? OnlyConstantPassed(parameter, cancellationToken)
                : Operations.Strip(write.Value).ConstantValue;
            if (!value.HasValue || (only.HasValue && !Equals(only.Value, value.Value)))
            {
                return default;
            }

            only = value;
        }

        return only;
    }

    /// <inheritdoc />
    /// <remarks>No value for a parameter no call in the compilation gives a value (a lambda's, or a method only handed on).</remarks>
    public Optional<object?> OnlyConstantPassed(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        OnlyConstantPassed(parameter, false, 0, cancellationToken);

    /// <summary>
    /// The one constant every call passes <paramref name="parameter"/>, or with <paramref name="elements"/> the one constant every
    /// element of the collection every call passes it holds (<c>new List&lt;Act&gt; { Act.Relu }</c>, <c>new[] { Act.Relu, Act.Relu }</c>);
    /// a value passed may itself be an element of such a collection parameter of the caller (<c>new Layer(n, acts[i])</c>).
    /// </summary>
    private Optional<object?> OnlyConstantPassed(IParameterSymbol parameter, bool elements, int depth, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.DeclaringSyntaxReferences.IsEmpty
            || (elements && !OnlyOwnElementsAdded(parameter, method, cancellationToken)))
        {
            return default;
        }

        var only = default(Optional<object?>);
        foreach (var argument in ArgumentsTo(method, parameter.Ordinal, cancellationToken))
        {
            var values = elements ? InitialElements(argument) : new[] { argument };
            if (values is null)
            {
                return default; // a collection made elsewhere: its elements are not known here
            }

            foreach (var value in values)
            {
                var constant = OnlyConstant(value, depth, cancellationToken);
                if (!constant.HasValue || (only.HasValue && !Equals(only.Value, constant.Value)))
                {
                    return default;
                }

                only = constant;
            }
        }

        return only;
    }

    /// <summary>A constant, or an element of a collection parameter every element of which every call passes as one constant (<c>acts[i]</c>).</summary>
    private Optional<object?> OnlyConstant(IOperation value, int depth, CancellationToken cancellationToken)
    {
        var stripped = Operations.Strip(value);
        if (stripped.ConstantValue.HasValue || depth >= 2)
        {
            return stripped.ConstantValue;
        }

        var collection = stripped switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: var array } => Operations.Strip(array),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } => Operations.Strip(list),
            _ => null,
        };
        return collection is IParameterReferenceOperation { Parameter: var held } ? OnlyConstantPassed(held, true, depth + 1, cancellationToken) : default;
    }

    /// <summary>The elements a collection is made with (an array or collection initializer, a collection expression), or null for any other value.</summary>
    private static IEnumerable<IOperation>? InitialElements(IOperation made) => Operations.Strip(made) switch
    {
        IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
        IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer } when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }) =>
            initializer.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value),
        ICollectionExpressionOperation { Elements: var items } when items.All(i => i is not ISpreadOperation) => items,
        _ => null,
    };

    /// <summary>
    /// True when the body of <paramref name="method"/> only reads <paramref name="collection"/>'s elements and size, or adds, inserts
    /// or removes its own elements (<c>acts.Insert(0, acts[0])</c>, padding a per-layer list): no element of another value gets in.
    /// </summary>
    private bool OnlyOwnElementsAdded(IParameterSymbol collection, IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (FactsOf(reference.GetSyntax(cancellationToken), cancellationToken).Root is not { } root)
            {
                return false;
            }

            foreach (var use in root.DescendantsAndSelf().OfType<IParameterReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(use.Parameter, collection))
                {
                    continue;
                }

                var parent = use.Parent is IConversionOperation conversion ? conversion.Parent : use.Parent;
                var allowed = parent switch
                {
                    IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } => // read, not stored into
                        parent.Parent is not ISimpleAssignmentOperation { Target: var target } || !ReferenceEquals(target, parent),
                    IPropertyReferenceOperation { Property.Name: "Count" or "Length" } => true,
                    IInvocationOperation { TargetMethod.Name: "RemoveAt" or "Remove" or "Clear" or "Contains" or "IndexOf" } => true,
                    IInvocationOperation { TargetMethod.Name: "Add" or "Insert", Arguments: [.., { Value: var added }] } =>
                        Operations.Strip(added) is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } from } && Operations.Strip(from) is IParameterReferenceOperation { Parameter: var same }
                        && SymbolEqualityComparer.Default.Equals(same, collection),
                    _ => false,
                };
                if (!allowed)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The write must be the body's only store into the member (of any receiver: a second store, a compound one or a store
    /// into its elements makes the value depend on the path), end before the read, and sit in a block that holds the read, so
    /// every path to the read passes it. A call between the two that changes the member is not looked for. A member of this
    /// object that the body does not write is read through its one write in the compilation, when that write is on this too.
    /// </remarks>
    public IOperation? SingleMemberDefinition(IMemberReferenceOperation read, CancellationToken cancellationToken)
    {
        if (read is not (IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }) || Receiver(read) is not { } receiver)
        {
            return null;
        }

        var member = read.Member.OriginalDefinition;
        ISimpleAssignmentOperation? single = null;
        foreach (var write in FactsOfRoot(Operations.Root(read)).Writes)
        {
            if (!SymbolEqualityComparer.Default.Equals(write.Target, member))
            {
                continue;
            }

            if (single != null || write.IntoElements || write.Site is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                || !SymbolEqualityComparer.Default.Equals(Receiver(target), receiver))
            {
                return null;
            }

            single = assignment;
        }

        if (single is null)
        {
            // Not written in this body: a member of this object written in one place only, by another method of the object
            // (CalculateError sets Error = target - Output, CalculateGradient reads it). Read there, its operands on this are this's.
            return receiver is ITypeSymbol && !member.IsStatic && WritesTo(member, null, cancellationToken) is { Count: 1 } writes
                && writes[0] is { IntoElements: false, Site: ISimpleAssignmentOperation { Target: IMemberReferenceOperation onThis } only }
                && SymbolEqualityComparer.Default.Equals(Receiver(onThis), receiver)
                ? only.Value
                : null;
        }

        return single is { Parent: IExpressionStatementOperation { Parent: IBlockOperation block } }
            && single.Syntax.Span.End <= read.Syntax.SpanStart
            && block.Syntax.Span.Contains(read.Syntax.Span)
            ? single.Value
            : null;

        // The object a member is read on: a local, a parameter, or this (the containing type stands for it; a static member's too).
        static ISymbol? Receiver(IMemberReferenceOperation reference) => reference.Instance is null ? reference.Member.ContainingType : Operations.Strip(reference.Instance) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance => instance.Type,
            _ => null,
        };
    }

    /// <summary>
    /// The <c>TensorPrimitives</c> calls that fill the array or span <paramref name="symbol"/> element by element, in the order the index
    /// holds them, where its other stores are new arrays or <c>stackalloc</c>s with no elements; null where it is stored any other way.
    /// </summary>
    public List<IInvocationOperation>? TensorFills(ISymbol symbol, IOperation use, CancellationToken cancellationToken)
    {
        var fills = new List<IInvocationOperation>();
        foreach (var write in WritesTo(symbol, use, cancellationToken))
        {
            if (!write.IntoElements)
            {
                if (Operations.Strip(write.Value) is IArrayCreationOperation { Initializer: null }
                    || write.Value.Syntax is StackAllocArrayCreationExpressionSyntax { Initializer: null })
                {
                    continue; // err = new float[n], Span<float> err = stackalloc float[n]: no value yet
                }

                return null;
            }

            if (write.Site is not IInvocationOperation call || !Frontend.TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType))
            {
                return null;
            }

            fills.Add(call);
        }

        return fills;
    }

    /// <summary>
    /// The <c>TensorPrimitives</c> call whose fill of the array or span <paramref name="buffer"/> element by element
    /// (<c>TensorPrimitives.Subtract(p, y, err)</c>) <paramref name="use"/> sees. Filled once: a local filled earlier in the body, or a
    /// field of this object (or a static one) filled anywhere in the compilation. Filled by several calls in the body of the use
    /// (<c>Subtract(1f, p, s); Multiply(s, p, s);</c>): the last one before it, where that one runs on every path to the use and no later
    /// one runs before it in a later pass of a loop around the use (one the fill it sees is outside of). Its other stores must be new
    /// arrays or <c>stackalloc</c>s with no elements. Null where it is filled or stored any other way, or the fill the use sees cannot
    /// be told.
    /// </summary>
    public IInvocationOperation? FilledBy(IOperation buffer, IOperation use, CancellationToken cancellationToken)
    {
        var symbol = Operations.Strip(buffer) switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field.OriginalDefinition,
            _ => null,
        };
        if (symbol is null || TensorFills(symbol, use, cancellationToken) is not { } fills)
        {
            return null;
        }

        var before = fills.Where(f => f.Syntax.SyntaxTree == use.Syntax.SyntaxTree && f.Syntax.Span.End <= use.Syntax.SpanStart).ToList();
        if (fills.Count == 1)
        {
            // A local's filler runs before the read; a field's may be in another method (the step that fills it, then the one that reads it).
            return symbol is not ILocalSymbol || before.Count == 1 ? fills[0] : null;
        }

        var owner = TreeCandidates.Owner(use.Syntax);
        if (before.Count == 0 || owner is null || fills.Any(f => f.Syntax.SyntaxTree != use.Syntax.SyntaxTree || TreeCandidates.Owner(f.Syntax) != owner))
        {
            return null; // filled in several bodies, or only after the read: which fill it sees is not followed
        }

        var seen = before[before.Count - 1];
        if (seen is not { Parent: IExpressionStatementOperation { Parent: IBlockOperation block } } || !block.Syntax.Span.Contains(use.Syntax.Span))
        {
            return null; // a fill under an if or in a loop the read is not in may not have run
        }

        for (var around = use.Parent; around != null; around = around.Parent)
        {
            if (around is ILoopOperation loop && !loop.Syntax.Span.Contains(seen.Syntax.Span)
                && fills.Any(f => f.Syntax.SpanStart > use.Syntax.SpanStart && loop.Syntax.Span.Contains(f.Syntax.Span)))
            {
                return null; // refilled after the read in a loop the fill it sees runs before: the next pass reads the later fill
            }
        }

        return seen;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The array is a local or a field (of this object, or static). Its other stores must be whole new arrays with no elements
    /// (<c>errors = new double[n]</c>). A store in the body must end before the read; a field the body does not fill is read
    /// through its one element store in the compilation, when that store is on this object too.
    /// </remarks>
    public (IOperation Value, ImmutableArray<ISymbol> Indices)? SingleElementDefinition(IArrayElementReferenceOperation read, CancellationToken cancellationToken)
    {
        if (StoredArray(read) is not { } symbol)
        {
            return null;
        }

        // A jagged field's element (weights[i][j], read everywhere in a network) is looked for in the body only: its rows are
        // stored whole elsewhere, and a search of the compilation's stores per read would cost more than it finds.
        var inBody = FactsOfRoot(Operations.Root(read)).Writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Target, symbol)).ToList();
        var writes = inBody.Count > 0 || symbol is ILocalSymbol || Operations.Strip(read.ArrayReference) is IArrayElementReferenceOperation ? inBody : WritesTo(symbol, null, cancellationToken);
        return OneStoreSeen(read, symbol, writes, storedInBody: inBody.Count > 0, target => Operations.IndexLocals(target).IsDefault ? null : true) is
            { Target: IArrayElementReferenceOperation target } store
            ? (store.Value, Operations.IndexLocals(target))
            : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>errors[0] * outputs[0] * (1 - outputs[0])</c> of a network with one output reads its error so. The store must be the only one
    /// at that index in the body and come before the read; a store in a loop or by a copy anywhere in the body leaves the read unknown.
    /// </remarks>
    public IOperation? StoredAtConstantIndex(IArrayElementReferenceOperation read, CancellationToken cancellationToken)
    {
        if (read.Indices is not [{ ConstantValue: { HasValue: true, Value: var at } }] || Operations.Strip(read.ArrayReference) is IArrayElementReferenceOperation || StoredArray(read) is not { } symbol)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var writes = FactsOfRoot(Operations.Root(read)).Writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Target, symbol)).ToList();

        // A store at a computed index (in a loop) could be the one the read sees, whatever its value: unknown.
        return OneStoreSeen(read, symbol, writes, storedInBody: true, target => target.Indices is [{ ConstantValue.HasValue: true } index] ? Equals(index.ConstantValue.Value, at) : null)?.Value;
    }

    // The array an element read reads (through every level of a jagged one): a local, or a field of this object or a static one.
    private static ISymbol? StoredArray(IArrayElementReferenceOperation read) =>
        Operations.ElementRoot(read) is var array && array is ILocalReferenceOperation or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
            ? Operations.ReferencedSymbol(array)
            : null;

    // The one element store among writes to the array that the read sees: null where the array is also stored whole (but for an empty
    // new array, or a local's new array after the read), filled by a copy, or stored at the read's index twice or (in the body) after
    // the read. sameIndex tells whether a store's indices are the read's (true), others (false: that store is passed over), or
    // cannot be compared with them (null: the read is unknown).
    private static ISimpleAssignmentOperation? OneStoreSeen(IArrayElementReferenceOperation read, ISymbol symbol, IReadOnlyList<Write> writes, bool storedInBody, Func<IArrayElementReferenceOperation, bool?> sameIndex)
    {
        var wanted = Operations.AllIndices(read);
        if (wanted.IsDefault)
        {
            return null; // e[ half-typed
        }

        ISimpleAssignmentOperation? single = null;
        foreach (var write in writes)
        {
            if (write.Site is ICompoundAssignmentOperation { Target: var multiplied } && ReferenceEquals(multiplied, read))
            {
                continue; // delta[j] *= ...: the element read there is the value before this store
            }

            if (!write.IntoElements)
            {
                if (Operations.Strip(write.Value) is IArrayCreationOperation { Initializer: null })
                {
                    continue; // errors = new double[n]: no value yet
                }

                if (symbol is ILocalSymbol && write.Site is ISimpleAssignmentOperation && Operations.ComesAfter(write.Site, read))
                {
                    continue; // g = layer.Backward(g) after the loss read g[i]: another array from there on
                }

                return null;
            }

            if (IsNewRow(write) && read.Type is not IArrayTypeSymbol)
            {
                continue; // e[i] = new double[m]: no value yet
            }

            if (write.ValueIsElements
                || write.Site is not ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation target } assignment
                || Operations.AllIndices(target) is not { IsDefault: false } stored || stored.Length != wanted.Length
                || StoredArray(target) is not { } array || !SymbolEqualityComparer.Default.Equals(array, symbol))
            {
                return null; // filled by a copy, or stored by a compound assignment
            }

            switch (sameIndex(target))
            {
                case false:
                    continue;
                case null:
                    return null;
            }

            if (storedInBody && assignment.Syntax.Span.End > read.Syntax.SpanStart)
            {
                if (Operations.ComesAfter(assignment, read))
                {
                    continue; // errors[0] = 0 after the read, with no loop around both: no read of this pass or a later one sees it
                }

                return null; // stored after the read in a loop around both: the next pass could read it
            }

            if (single != null)
            {
                return null; // stored twice
            }

            single = assignment;
        }

        return single;
    }

    /// <summary>
    /// The one value stored into the elements of a local array or list made empty in its body, at whatever index
    /// (<c>errors[i] = t[i] - o[i];</c> or <c>errors.Add(t[i] - o[i]);</c>), for a read of every element (a <c>foreach</c>, a LINQ
    /// lambda's parameter); null where the collection is stored into otherwise.
    /// </summary>
    public IOperation? SingleStoredElement(ILocalReferenceOperation collection, CancellationToken cancellationToken) =>
        OneElementStore(collection, collection.Local, cancellationToken)?.Store.Value;

    /// <inheritdoc />
    public (IOperation Value, ILocalSymbol Index)? SingleAddedElement(IPropertyReferenceOperation read, CancellationToken cancellationToken)
    {
        if (read is not { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } || Operations.Strip(list) is not ILocalReferenceOperation { Local: var local }
            || OneElementStore(read, local, cancellationToken) is not var (store, made)
            || store.Site is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add
            || Operations.ComesAfter(made, read) || add.Syntax.Span.End > read.Syntax.SpanStart || LastIteration.OncePerPass(add) is not { } index)
        {
            return null;
        }

        // The list is made in the block the loop is in: one made before an outer loop (of epochs) would hold every epoch's errors in turn.
        return Operations.EnclosingBlock(made) is { } block && ReferenceEquals(LastIteration.LoopOf(add)?.Parent, block) ? (store.Value, index) : null;
    }

    /// <summary>
    /// For a local array or list that the body of <paramref name="use"/> makes empty once (<c>new double[n]</c>, <c>new List&lt;double&gt;()</c>,
    /// <c>new List&lt;double&gt;(n)</c>) and stores into by one element store (<c>a[k] = v</c>) or one one-argument <c>Add</c>: that store and
    /// the one that made it; null where it is stored into any other way.
    /// </summary>
    private (Write Store, IOperation Made)? OneElementStore(IOperation use, ILocalSymbol local, CancellationToken cancellationToken)
    {
        Write? single = null;
        IOperation? made = null;
        foreach (var write in FactsOfRoot(Operations.Root(use)).Writes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(write.Target, local))
            {
                continue;
            }

            if (!write.IntoElements)
            {
                if (made is null && Operations.Strip(write.Value) is IArrayCreationOperation { Initializer: null } or IObjectCreationOperation { Initializer: null, Arguments.IsEmpty: true }
                    or IObjectCreationOperation { Initializer: null, Arguments: [{ Value.Type.SpecialType: SpecialType.System_Int32 }] })
                {
                    made = write.Site; // no element yet
                    continue;
                }

                return null;
            }

            if (single != null || write.ValueIsElements
                || write.Site is not (ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices.Length: 1 } } or IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 }))
            {
                return null;
            }

            single = write;
        }

        return single != null && made != null ? (single, made) : null;
    }

    /// <summary>
    /// For an array local made empty (<c>new double[n]</c>) and filled by one store <c>errors[i] = t[i] - o[i]</c>: the two collections
    /// its elements are the difference of (t and o), for the array handed on whole (<c>OutputDeltas(o, errors)</c>). Null otherwise.
    /// </summary>
    public (IOperation Left, IOperation Right)? ElementwiseDifference(ILocalReferenceOperation array, CancellationToken cancellationToken)
    {
        if (array.Local.Type is not IArrayTypeSymbol || SingleDefinition(array, cancellationToken) is not { } made || Operations.Strip(made) is not IArrayCreationOperation { Initializer: null })
        {
            return null;
        }

        (IOperation Value, ILocalSymbol Index)? single = null;
        foreach (var write in FactsOfRoot(Operations.Root(array)).Writes)
        {
            if (!write.IntoElements || !SymbolEqualityComparer.Default.Equals(write.Target, array.Local))
            {
                continue;
            }

            if (single != null || write.Site is not ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [var at] } } assignment
                || Operations.Strip(at) is not ILocalReferenceOperation index)
            {
                return null;
            }

            single = (assignment.Value, index.Local);
        }

        return single is var (value, i) && Operations.Strip(value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, OperatorMethod: null } difference
            && Operations.IndexedBy(difference.LeftOperand, i) is { } left && Operations.IndexedBy(difference.RightOperand, i) is { } right
            ? (left, right)
            : null;
    }

    /// <inheritdoc />
    public IOperation? SingleReturn(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var returns = ReturnsOf(method, cancellationToken);
        return returns.Count == 1 ? returns[0] : null;
    }

    /// <inheritdoc />
    public (IOperation Value, ImmutableArray<ISymbol> Indices)? ReturnedElement(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (WritesToReturnedLocal(method, cancellationToken) is not var (array, writes))
        {
            return null;
        }

        (IOperation Value, ImmutableArray<ISymbol> Indices)? single = null;
        foreach (var write in writes)
        {
            if (!write.IntoElements)
            {
                if (Operations.Strip(write.Value) is IArrayCreationOperation { Initializer: null } || write.Site is IVariableDeclaratorOperation && Operations.Strip(write.Value) is IInvocationOperation)
                {
                    continue; // var r = new double[n], or var r = Make(n, m) of a helper making rows: every element is stored below
                }

                return null;
            }

            if (IsNewRow(write))
            {
                continue; // r[i] = new double[m]: no value yet
            }

            if (single != null || write.ValueIsElements
                || write.Site is not ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation target } assignment
                || Operations.IndexLocals(target) is not { IsDefault: false } indices
                || !SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(Operations.ElementRoot(target)), array))
            {
                return null;
            }

            single = (assignment.Value, indices); // r[i] = ..., r[i, j] = ..., r[i][j] = ...
        }

        return single;
    }

    /// <inheritdoc />
    public bool ReturnsNewArray(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.ReturnType is not IArrayTypeSymbol || method.DeclaringSyntaxReferences.Length == 0 || WritesToReturnedLocal(method, cancellationToken) is not var (_, writes))
        {
            return false;
        }

        var allocated = false;
        foreach (var write in writes)
        {
            if (write.ValueIsElements || Operations.Strip(write.Value) is not IArrayCreationOperation { Initializer: null })
            {
                return false; // an element or a row with values, or an array from elsewhere
            }

            allocated = true;
        }

        return allocated;
    }

    /// <summary>The local a method with source returns as its one value (<c>var r = ...; ... return r;</c>), and its body's writes to it; or null.</summary>
    private (ILocalSymbol Array, IEnumerable<Write> Writes)? WritesToReturnedLocal(IMethodSymbol method, CancellationToken cancellationToken) =>
        SingleReturn(method.OriginalDefinition, cancellationToken) is { } returned && Operations.Strip(returned) is ILocalReferenceOperation { Local: var array }
            ? (array, FactsOfRoot(Operations.Root(returned)).Writes.Where(w => SymbolEqualityComparer.Default.Equals(w.Target, array)))
            : null;

    // r[i] = new double[m]: a new row of a jagged array, with no value in it yet.
    private static bool IsNewRow(Write write) =>
        write.Site is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Type: IArrayTypeSymbol } } && Operations.Strip(write.Value) is IArrayCreationOperation { Initializer: null };

    /// <inheritdoc />
    public ISymbol? StorageOf(ITypeSymbol? type) =>
        type is INamedTypeSymbol { SpecialType: SpecialType.None } named && named.DeclaringSyntaxReferences.Length > 0 ? storages.GetOrAdd(named, OwnMatrix.StorageOf) : null;

    /// <inheritdoc />
    /// <remarks>
    /// A symbol declared in this compilation is named by where it is declared (its name, its file's
    /// compilation order and its start), built without a table: keys are read at every operand, from every
    /// thread, and a shared table's locks were a visible share of the rules' time. Symbols from references
    /// (few, and read often) keep a cached display string.
    /// </remarks>
    public string KeyName(ISymbol symbol)
    {
        var locations = symbol.Locations;
        if (locations.Length > 0 && locations[0] is { IsInSource: true, SourceTree: { } tree } location && treeOrder.Value.TryGetValue(tree, out var order))
        {
            return symbol.Name + "@" + order.ToString(CultureInfo.InvariantCulture) + ":" + location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture);
        }

        return keyNames.GetOrAdd(symbol, OperandKey.FullName);
    }

    /// <summary>Compilation order of a location, for deterministic lists.</summary>
    public (int Tree, int Start) Position(ISymbol symbol)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        return location?.SourceTree is { } tree && treeOrder.Value.TryGetValue(tree, out var order) ? (order, location.SourceSpan.Start) : (int.MaxValue, 0);
    }

    /// <summary>Where an operation is in compilation order: its file's place among the compilation's files, then its offset.</summary>
    public (int Tree, int Start) Position(IOperation operation) =>
        treeOrder.Value.TryGetValue(operation.Syntax.SyntaxTree, out var order) ? (order, operation.Syntax.SpanStart) : (int.MaxValue, operation.Syntax.SpanStart);

    /// <summary>The facts of every member under <paramref name="key"/> (compilation order), grouped by the symbol each is about.</summary>
    /// <remarks>
    /// Only files that can name the symbols' namespace are read (<see cref="TreesSeeing"/>): in a
    /// large solution many types share member names like <c>Output</c>, and a question about one must not
    /// bind every body that writes any of them. A write reached only through type inference from a file that
    /// neither is in nor imports the namespace is not seen.
    /// </remarks>
    private Dictionary<ISymbol, List<T>> Group<T>(string? name, string key, string ns, System.Func<MemberFacts, List<T>> facts, System.Func<T, ISymbol> symbol, CancellationToken cancellationToken)
    {
        var grouped = new Dictionary<ISymbol, List<T>>(SymbolEqualityComparer.Default);
        foreach (var owner in Owners(key, TreesSeeing(ns), cancellationToken))
        {
            foreach (var fact in facts(FactsOf(owner, cancellationToken)))
            {
                var about = symbol(fact);
                if (name != null && about.Name != name)
                {
                    continue;
                }

                if (!grouped.TryGetValue(about, out var list))
                {
                    grouped[about] = list = new List<T>();
                }

                list.Add(fact);
            }
        }

        return grouped;
    }

    /// <summary>
    /// The files (in compilation order) whose code can name a type of namespace <paramref name="ns"/>: all of them
    /// for the global namespace or one imported by a <c>global using</c>; else those that declare code in it or
    /// inside it, import it, spell its last identifier followed by a dot, or have an alias or static using
    /// (<see cref="TreeVisibility.Sees"/>). What each file can name is read once per tree and kept across edits, so
    /// after an edit only the edited file is read again. The first few namespaces asked about in a compilation (all an
    /// edit usually asks) are answered by asking each file; past those (a whole build asks many), by an index over all
    /// files built once. The list per namespace is made once per compilation.
    /// </summary>
    private IReadOnlyList<SyntaxTree> TreesSeeing(string ns)
    {
        if (treesSeeing.TryGetValue(ns, out var known))
        {
            return known;
        }

        var last = ns.Substring(ns.LastIndexOf('.') + 1);
        IReadOnlyList<SyntaxTree> trees;
        if (ns.Length == 0 || globalImports.Value.Contains(ns))
        {
            trees = compilation.SyntaxTrees.ToList();
        }
        else if (Interlocked.Increment(ref namespacesAsked) <= scannedNamespaces)
        {
            trees = compilation.SyntaxTrees.Where(tree => candidatesOf(tree).Visibility.Sees(ns, last)).ToList();
        }
        else
        {
            var index = visibility.Value;
            var found = new HashSet<SyntaxTree>(index.Open);
            if (index.ByNamespace.TryGetValue(ns, out var byNamespace))
            {
                found.UnionWith(byNamespace);
            }

            if (index.ByIdentifier.TryGetValue(last, out var byIdentifier))
            {
                found.UnionWith(byIdentifier);
            }

            trees = found.OrderBy(t => treeOrder.Value[t]).ToList();
        }

        return treesSeeing.GetOrAdd(ns, trees);
    }

    /// <summary>Which files can name what, over all files: by namespace seen, by identifier written before a dot, and the files whose reach the header does not tell.</summary>
    private sealed class VisibilityIndex
    {
        public List<SyntaxTree> Open { get; } = new();

        public Dictionary<string, List<SyntaxTree>> ByNamespace { get; } = new(System.StringComparer.Ordinal);

        public Dictionary<string, List<SyntaxTree>> ByIdentifier { get; } = new(System.StringComparer.Ordinal);

        public static VisibilityIndex Build(IEnumerable<SyntaxTree> trees, System.Func<SyntaxTree, TreeVisibility> of)
        {
            var index = new VisibilityIndex();
            foreach (var tree in trees)
            {
                var visibility = of(tree);
                if (visibility.HasOpaqueUsing)
                {
                    index.Open.Add(tree);
                }

                foreach (var ns in visibility.Seen)
                {
                    Add(index.ByNamespace, ns, tree);
                }

                foreach (var identifier in visibility.Dotted)
                {
                    Add(index.ByIdentifier, identifier, tree);
                }
            }

            return index;
        }

        private static void Add(Dictionary<string, List<SyntaxTree>> map, string key, SyntaxTree tree)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<SyntaxTree>();
            }

            list.Add(tree);
        }
    }

    /// <summary>The namespace whose files can name <paramref name="symbol"/>'s type ("" for the global namespace).</summary>
    private static string NamespaceOf(ISymbol symbol)
    {
        var type = symbol.ContainingType;
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        var ns = (type ?? (ISymbol)symbol).ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
    }

    /// <summary>The trees that can write a private member (its outermost type's declarations), or null for a member visible elsewhere.</summary>
    private IEnumerable<SyntaxTree>? PrivateScope(ISymbol member)
    {
        if (member.DeclaredAccessibility != Accessibility.Private || member.ContainingType is not { } type)
        {
            return null;
        }

        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        return type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct().OrderBy(t => treeOrder.Value.TryGetValue(t, out var order) ? order : int.MaxValue);
    }

    private IEnumerable<SyntaxNode> Owners(string key, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        foreach (var tree in trees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var owner in candidatesOf(tree).Members(key).OrderBy(o => o.SpanStart))
            {
                yield return owner;
            }
        }
    }

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var overridden = candidate.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
