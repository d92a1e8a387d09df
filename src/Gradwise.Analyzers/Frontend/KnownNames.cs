namespace Gradwise.Frontend;

/// <summary>Metadata names the frontend recognizes.</summary>
internal static class KnownNames
{
    public const string DifferentiableAttribute = "Gradwise.DifferentiableAttribute";
    public const string NoGradientAttribute = "Gradwise.NoGradientAttribute";
    public const string ParameterAttribute = "Gradwise.ParameterAttribute";
    public const string SystemMath = "System.Math";
    public const string GradientSuffix = "WithGradient";
}
