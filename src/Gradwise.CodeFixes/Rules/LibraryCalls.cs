using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Gradwise.CodeFixes.Rules;

/// <summary>Library calls the fixers write or rewrite.</summary>
internal static class LibraryCalls
{
    /// <summary><c>TorchSharp.torch.nn.functional.<paramref name="function"/></c>, marked for the simplifier to shorten as the file's usings allow.</summary>
    public static MemberAccessExpressionSyntax Functional(string function) =>
        SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.ParseName("TorchSharp.torch.nn.functional").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.IdentifierName(function));

    /// <summary>
    /// <paramref name="call"/> calling <paramref name="function"/> instead, qualified as it was (<c>functional.mse_loss(...)</c> →
    /// <c>functional.binary_cross_entropy(...)</c>, same arguments); null for a call not made through a name.
    /// </summary>
    public static InvocationExpressionSyntax? Renamed(InvocationExpressionSyntax call, string function)
    {
        SimpleNameSyntax? name = call.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name is null ? null : call.ReplaceNode(name, name.WithIdentifier(SyntaxFactory.Identifier(function).WithTriviaFrom(name.Identifier)));
    }
}
