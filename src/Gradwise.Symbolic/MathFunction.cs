namespace Gradwise.Symbolic;

/// <summary>The functions the symbolic core knows the derivative of.</summary>
public enum MathFunction
{
    /// <summary>e^u.</summary>
    Exp,
    /// <summary>Natural logarithm.</summary>
    Log,
    /// <summary>Base-10 logarithm.</summary>
    Log10,
    /// <summary>Square root.</summary>
    Sqrt,
    /// <summary>Sine.</summary>
    Sin,
    /// <summary>Cosine.</summary>
    Cos,
    /// <summary>Tangent.</summary>
    Tan,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Absolute value; its derivative is <see cref="Sign"/> (0 at 0).</summary>
    Abs,
    /// <summary>Sign: -1, 0 or 1. Its derivative is 0 everywhere it is taken.</summary>
    Sign,
    /// <summary>e^u - 1, accurate near 0.</summary>
    ExpM1,
    /// <summary>log(1 + u), accurate near 0.</summary>
    LogP1,
    /// <summary>The logistic function 1 / (1 + e^-u), computed stably.</summary>
    Sigmoid,
    /// <summary>log(1 + e^u), computed stably.</summary>
    Softplus,
    /// <summary>Arctangent.</summary>
    Atan,
    /// <summary>Arcsine; its derivative is infinite at ±1 and NaN outside [-1, 1].</summary>
    Asin,
    /// <summary>Arccosine; its derivative is infinite at ±1 and NaN outside [-1, 1].</summary>
    Acos,
    /// <summary>Hyperbolic sine.</summary>
    Sinh,
    /// <summary>Hyperbolic cosine.</summary>
    Cosh,
    /// <summary>Base-2 logarithm.</summary>
    Log2,
    /// <summary>Cube root (real for negative u); its derivative is +∞ at 0.</summary>
    Cbrt,
}
