using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>Why the frontend could not turn (part of) a method into math, and where.</summary>
/// <param name="Descriptor">The GW rule to report.</param>
/// <param name="Location">Where the problem is: the construct, the parameter or the type.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record FrontendProblem(DiagnosticDescriptor Descriptor, Location Location, object[] Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
}
