namespace Gradwise.Generator;

/// <summary>Names of the generator's pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string Methods = nameof(Methods);
    public const string ValidMethods = nameof(ValidMethods);
    public const string Models = nameof(Models);
    public const string Callees = nameof(Callees);
    public const string EmittedMethods = nameof(EmittedMethods);
}
