using System.Text.Json.Nodes;

namespace Gradwise.Package.Tests;

/// <summary>A place in a file as SARIF writes it (1-based lines and columns, end exclusive).</summary>
internal sealed record SarifRegion(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public override string ToString() => $"{File}({StartLine},{StartColumn},{EndLine},{EndColumn})";
}

/// <summary>One result of a SARIF 2.1 log written by the compiler (<c>-p:ErrorLog=file,version=2.1</c>).</summary>
internal sealed record SarifResult(string RuleId, string Level, string Message, SarifRegion Location, IReadOnlyList<SarifRegion> Related, string? HelpUri);

/// <summary>Reads the compiler's SARIF 2.1 log: results with their rule's help link, main and related locations.</summary>
internal static class Sarif
{
    public static IReadOnlyList<SarifResult> Read(string path)
    {
        var log = JsonNode.Parse(File.ReadAllText(path))!;
        if (log["version"]?.ToString() != "2.1.0")
        {
            throw new InvalidDataException($"{path} is SARIF {log["version"]}, not 2.1.0");
        }

        var results = new List<SarifResult>();
        foreach (var run in log["runs"]!.AsArray())
        {
            var help = (run!["tool"]?["driver"]?["rules"]?.AsArray() ?? new JsonArray())
                .ToDictionary(rule => rule!["id"]!.ToString(), rule => rule!["helpUri"]?.ToString(), StringComparer.Ordinal);
            foreach (var result in run["results"]?.AsArray() ?? new JsonArray())
            {
                var id = result!["ruleId"]!.ToString();
                var locations = result["locations"]?.AsArray();
                if (locations is null || locations.Count == 0)
                {
                    continue; // a diagnostic with no place in source (none of ours)
                }

                results.Add(new SarifResult(
                    id,
                    result["level"]?.ToString() ?? "warning",
                    result["message"]?["text"]?.ToString() ?? string.Empty,
                    Region(locations[0]!),
                    (result["relatedLocations"]?.AsArray() ?? new JsonArray()).Select(r => Region(r!)).ToList(),
                    help.GetValueOrDefault(id)));
            }
        }

        return results;
    }

    private static SarifRegion Region(JsonNode location)
    {
        var physical = location["physicalLocation"]!;
        var region = physical["region"]!;
        var file = Path.GetFileName(new Uri(physical["artifactLocation"]!["uri"]!.ToString()).LocalPath);
        var startLine = (int)region["startLine"]!;
        var startColumn = (int?)region["startColumn"] ?? 1;
        return new SarifRegion(file, startLine, startColumn, (int?)region["endLine"] ?? startLine, (int?)region["endColumn"] ?? startColumn);
    }
}
