using Xunit;

namespace Gradwise.Package.Tests;

/// <summary>
/// What a person sees in an editor: the csharp-ls language server (pinned in .config/dotnet-tools.json) on a copy of
/// the student project that installs the packed package. Every GW diagnostic of the command-line build must arrive
/// with the same range, severity, message and help link; editing the code must update them; half-typed code must
/// not crash an analyzer or the generator.
/// </summary>
[Trait("Category", "Package")]
[Collection(DotNetCliCollection.Name)]
public sealed class EditorTests : IClassFixture<PackedGradwise>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly PackedGradwise package;

    public EditorTests(PackedGradwise package)
    {
        this.package = package;
    }

    [Fact]
    public void Language_server_shows_the_builds_diagnostics_updates_them_on_edits_and_survives_half_typed_code()
    {
        var restore = DotNet.Run(Repo.Root, Timeout, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        // What the build reports is the reference; the server itself builds nothing and needs only the restore.
        var project = package.StudentProject("editor");
        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-p:ErrorLog=build.sarif%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());
        var expected = Sarif.Read(Path.Combine(project, "build.sarif"))
            .Where(r => r.RuleId.StartsWith("GW", StringComparison.Ordinal))
            .Select(r => new EditorDiagnostic(
                r.Location.File, r.RuleId, r.Location.StartLine - 1, r.Location.StartColumn - 1, r.Location.EndLine - 1, r.Location.EndColumn - 1, r.Level == "error" ? 1 : 2, r.Message, r.HelpUri))
            .OrderBy(d => d.ToString(), StringComparer.Ordinal)
            .ToList();
        Assert.Equal(MistakesTourTests.Expected.Length, expected.Select(d => (d.Code, d.File, d.StartLine)).Distinct().Count());

        using var server = LanguageServer.Start(project, Timeout);
        var files = Directory.GetFiles(project, "*.cs").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            server.Open(file);
        }

        server.WaitUntilLoaded(Timeout);

        // Analysis can lag the load: ask each file until it shows what the build showed (or the time is up, and it fails).
        var shown = new List<EditorDiagnostic>();
        foreach (var file in files)
        {
            var wanted = expected.Where(d => d.File == Path.GetFileName(file)).ToList();
            shown.AddRange(Gw(server.DiagnosticsWhen(file, d => Gw(d).Count() >= wanted.Count, Timeout)));
        }

        Assert.Equal(expected.Select(d => d.ToString()), shown.Select(d => d.ToString()).Order(StringComparer.Ordinal));

        // The student applies the fix by hand: the warning goes away as the text changes, with no save or build.
        var neuron = Path.Combine(project, "Neuron.cs");
        var text = File.ReadAllText(neuron);
        const string Delta = "(target - output) * output * (1 - output)";
        Assert.Contains(Delta, text);
        server.Change(neuron, text.Replace(Delta, "target - output", StringComparison.Ordinal));
        var afterFix = server.DiagnosticsWhen(neuron, d => !d.Any(x => x.Code == "GW1001"), Timeout);
        Assert.DoesNotContain(afterFix, d => d.Code == "GW1001");

        // Half-typed code, as it is between keystrokes: the delta cut off mid-expression, then a [Differentiable]
        // method being written. The server answers, and no analyzer or generator throws (AD0001, CS8785).
        var distillation = Path.Combine(project, "Distillation.cs");
        var distillationText = File.ReadAllText(distillation);
        var edits = new (string File, string Text)[]
        {
            (neuron, text.Replace(Delta, "(target - output) * output * (1 -", StringComparison.Ordinal)),
            (neuron, text.Replace(Delta, "(target - output) * out", StringComparison.Ordinal)),
            (distillation, distillationText.Replace("return alpha * hard + (1 - alpha) * soft;", "return alpha * hard + (1 - alpha) * soft * temperature *", StringComparison.Ordinal)),
            (distillation, distillationText[..distillationText.IndexOf("double soft = 0;", StringComparison.Ordinal)]),
            (neuron, text),
        };
        foreach (var (file, edited) in edits.SkipLast(1))
        {
            server.Change(file, edited);
            var diagnostics = server.DiagnosticsWhen(file, d => d.Any(x => x.Severity == 1 && x.Code.StartsWith("CS", StringComparison.Ordinal)), Timeout);
            Assert.Contains(diagnostics, d => d.Severity == 1 && d.Code.StartsWith("CS", StringComparison.Ordinal)); // the server analyzed the broken text
            Assert.DoesNotContain(diagnostics, d => d.Code is "AD0001" or "CS8785");
        }

        server.Change(edits[^1].File, edits[^1].Text);

        // Back to the original text: the warning is back where it was.
        var restored = server.DiagnosticsWhen(neuron, d => d.Any(x => x.Code == "GW1001"), Timeout);
        Assert.Equal(expected.Where(d => d.File == "Neuron.cs").Select(d => d.ToString()), Gw(restored).Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("AD0001", server.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("threw an exception", server.Log, StringComparison.Ordinal);
    }

    private static IEnumerable<EditorDiagnostic> Gw(IEnumerable<EditorDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Code.StartsWith("GW", StringComparison.Ordinal));
}
