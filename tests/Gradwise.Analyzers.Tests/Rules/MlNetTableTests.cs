using System.Reflection;
using Gradwise.Recognition;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// The ML.NET tables against the real Microsoft.ML 5.0.1 assemblies: every method named exists, and every penalty default in
/// the table is the catalog method's parameter default and the Options class's field initializer (read by reflection here,
/// in the test, never in the analyzer).
/// </summary>
public sealed class MlNetTableTests
{
    /// <summary>The Mkl components package is not served here; its entries come from the ML.NET sources and are the only ones not checked.</summary>
    private static readonly HashSet<string> NotRestored = new() { "Microsoft.ML.MklComponentsCatalog" };

    private static readonly Assembly[] Assemblies = new[]
    {
        typeof(Microsoft.ML.MLContext).Assembly,
        typeof(Microsoft.ML.StandardTrainersCatalog).Assembly,
        typeof(Microsoft.ML.TreeExtensions).Assembly,
        typeof(Microsoft.ML.LightGbmExtensions).Assembly,
        typeof(Microsoft.ML.TextCatalog).Assembly,
        typeof(Microsoft.ML.CategoricalCatalog).Assembly,
    }.Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll").Where(p => !Path.GetFileName(p).Contains("Tests", StringComparison.Ordinal)).Select(Assembly.LoadFrom)).Distinct().ToArray();

    private static MethodInfo[] Methods((string Type, string Member) key) =>
        Assemblies.Select(a => a.GetType(key.Type)).Where(t => t != null).SelectMany(t => t!.GetMethods(BindingFlags.Public | BindingFlags.Static)).Where(m => m.Name == key.Member).ToArray();

    /// <summary>A float default read as a double (1e-6f is 9.99999997e-7): compared at float precision.</summary>
    private static double? Rounded(double? value) => value is { } v ? (double)(float)v : null;

    [Fact]
    public void Every_method_in_the_tables_exists()
    {
        var keys = MlNetApis.Trainers.Keys.Concat(MlNetApis.Wrappers).Concat(MlNetApis.Featurizers.Keys).Concat(MlNetApis.Reducers).Concat(MlNetApis.CategoricalSplitFields.Keys);
        var missing = keys.Where(k => !NotRestored.Contains(k.Type) && Methods(k).Length == 0).ToList();
        Assert.True(missing.Count == 0, "Not in Microsoft.ML 5.0.1: " + string.Join(", ", missing));
    }

    [Fact]
    public void Penalty_defaults_are_the_catalog_parameters_defaults()
    {
        var checkedCount = 0;
        foreach (var (key, trainer) in MlNetApis.Trainers.Where(t => !NotRestored.Contains(t.Key.Type)))
        {
            foreach (var penalty in trainer.Penalties.Where(p => p.Parameter != null))
            {
                var parameters = Methods(key).SelectMany(m => m.GetParameters()).Where(p => p.Name == penalty.Parameter).ToList();
                Assert.True(parameters.Count > 0, $"{key.Member} has no parameter {penalty.Parameter}");
                foreach (var parameter in parameters)
                {
                    Assert.True(parameter.HasDefaultValue, $"{key.Member}({penalty.Parameter}) has no default");
                    Assert.Equal(Rounded(penalty.Default), Rounded(parameter.DefaultValue is null ? null : Convert.ToDouble(parameter.DefaultValue)));
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 15, "checked " + checkedCount);
    }

    [Fact]
    public void Penalty_defaults_are_the_options_classes_initial_values()
    {
        var checkedCount = 0;
        foreach (var (key, trainer) in MlNetApis.Trainers.Where(t => !NotRestored.Contains(t.Key.Type) && t.Value.Penalties.Length > 0))
        {
            var optionsTypes = Methods(key).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).Where(t => t.Name == "Options").Distinct().ToList();
            Assert.NotEmpty(optionsTypes);
            foreach (var type in optionsTypes)
            {
                var options = Activator.CreateInstance(type)!;
                foreach (var penalty in trainer.Penalties)
                {
                    var field = type.GetField(penalty.OptionsField, BindingFlags.Public | BindingFlags.Instance);
                    Assert.True(field != null, $"{type.FullName} has no field {penalty.OptionsField}");
                    var value = field!.GetValue(options);
                    Assert.Equal(Rounded(penalty.Default), Rounded(value is null ? null : Convert.ToDouble(value)));
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 20, "checked " + checkedCount);
    }

    [Fact]
    public void Size_parameters_and_categorical_fields_exist_with_the_defaults_the_rules_assume()
    {
        foreach (var (key, featurizer) in MlNetApis.Featurizers.Where(f => f.Value.SizeParameter != null))
        {
            var sizes = Methods(key).SelectMany(m => m.GetParameters()).Where(p => p.Name == featurizer.SizeParameter).ToList();
            Assert.True(sizes.Count > 0, $"{key.Member} has no {featurizer.SizeParameter}");

            // Every default is large: a featurizer left at its default is high-dimensional at the default threshold (2^10).
            Assert.All(sizes, p => Assert.True(featurizer.Kind is FeaturizerKind.Hashed or FeaturizerKind.OneHotHashed ? (int)p.DefaultValue! >= 10 : (int)p.DefaultValue! >= 1024, $"{key.Member}.{p.Name} = {p.DefaultValue}"));
        }

        foreach (var (key, field) in MlNetApis.CategoricalSplitFields)
        {
            var optionsTypes = Methods(key).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).Where(t => t.Name == "Options").Distinct().ToList();
            Assert.NotEmpty(optionsTypes);
            Assert.All(optionsTypes, t => Assert.NotNull(t.GetField(field, BindingFlags.Public | BindingFlags.Instance)));
        }

        var kinds = Enum.GetNames(typeof(Microsoft.ML.Transforms.OneHotEncodingEstimator.OutputKind));
        Assert.All(MlNetApis.SlotPerCategoryKinds, k => Assert.Contains(k, kinds));
    }
}
