using System.Runtime.CompilerServices;
using System.Text;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with Verify's conventions: <c>Snapshots/{Class}.{Test}.verified.cs</c> is committed
/// beside the tests; on a mismatch <c>.received.cs</c> is written next to it and the failure shows a
/// line diff. Set <c>GRADWISE_ACCEPT_SNAPSHOTS=1</c> to accept what was received (never on CI).
/// To move to Verify.SourceGenerators, replace the body of <see cref="Verify"/> with a call to Verifier.Verify.
/// </summary>
public static class SnapshotVerifier
{
    public const string AcceptVariable = "GRADWISE_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with the committed snapshot for the calling test.</summary>
    public static void Verify(string actual, string? name = null, [CallerFilePath] string callerFile = "", [CallerMemberName] string test = "") =>
        VerifyIn(Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots"), Path.GetFileNameWithoutExtension(callerFile) + "." + (name ?? test), actual);

    /// <summary>Compares against <paramref name="directory"/>/<paramref name="baseName"/>.verified.cs.</summary>
    public static void VerifyIn(string directory, string baseName, string actual, bool? accept = null)
    {
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, baseName + ".verified.cs");
        var received = Path.Combine(directory, baseName + ".received.cs");
        actual = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
        {
            File.Delete(received);
            return;
        }

        accept ??= Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept == true)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var message = new StringBuilder();
        if (!File.Exists(verified))
        {
            message.AppendLine($"No verified snapshot at {verified}.");
            message.AppendLine($"Review {received}; rename it to .verified.cs (or run with {AcceptVariable}=1) to accept it.");
        }
        else
        {
            message.AppendLine($"The snapshot differs from {verified} (received: {received}).");
            message.AppendLine($"To accept, run with {AcceptVariable}=1 or copy the received file over the verified one.");
            message.AppendLine("--- verified");
            message.AppendLine("+++ received");
            message.Append(LineDiff.Unified(Normalize(File.ReadAllText(verified)), actual));
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');
}

/// <summary>A line diff (longest common subsequence) printed with a few lines of context.</summary>
public static class LineDiff
{
    public static string Unified(string expected, string actual, int context = 2)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Tag, string Text, int Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x], x + 1));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y], y + 1));
                y++;
            }
            else
            {
                lines.Add(('-', a[x], x + 1));
                x++;
            }
        }

        var sb = new StringBuilder();
        var lastPrinted = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            if (lines[k].Tag == ' ')
            {
                continue;
            }

            for (var c = Math.Max(lastPrinted + 1, k - context); c <= Math.Min(lines.Count - 1, k + context); c++)
            {
                if (c > lastPrinted + 1 && lastPrinted >= 0 && c == Math.Max(lastPrinted + 1, k - context))
                {
                    sb.AppendLine("@@");
                }

                sb.Append(lines[c].Tag).Append(' ').AppendLine(lines[c].Text);
                lastPrinted = c;
            }
        }

        return sb.ToString();
    }
}
