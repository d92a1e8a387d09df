using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gradwise.Package.Tests;

/// <summary>One diagnostic as an editor receives it (0-based range, LSP severity: 1 error, 2 warning).</summary>
internal sealed record EditorDiagnostic(string File, string Code, int StartLine, int StartCharacter, int EndLine, int EndCharacter, int Severity, string Message, string? Help)
{
    public override string ToString() => $"{File}({StartLine + 1},{StartCharacter + 1},{EndLine + 1},{EndCharacter + 1}) {Code} severity {Severity}: {Message} <{Help}>";
}

/// <summary>
/// A small Language Server Protocol client over the server's standard streams, as an editor would be: it
/// answers the requests csharp-ls sends (configuration with analyzers on, capability registration, progress
/// tokens, diagnostic refresh), opens and edits documents, and pulls their diagnostics.
/// </summary>
internal sealed class LanguageServer : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly StringBuilder log = new();
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, int> versions = new(StringComparer.Ordinal);
    private readonly object writeLock = new();
    private int nextId;

    private LanguageServer(Process process)
    {
        this.process = process;
        input = process.StandardInput.BaseStream;
        new Thread(ReadMessages) { IsBackground = true, Name = "lsp reader" }.Start();
        new Thread(ReadErrors) { IsBackground = true, Name = "lsp stderr" }.Start();
    }

    /// <summary>Everything the server logged (its stderr and <c>window/logMessage</c>), for failure messages and crash checks.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts <c>csharp-ls</c> from the repository's tool manifest and initializes it on <paramref name="workspace"/> (the load starts with the first opened document).</summary>
    public static LanguageServer Start(string workspace, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root, // where .config/dotnet-tools.json pins the server
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var server = new LanguageServer(Process.Start(start) ?? throw new InvalidOperationException("csharp-ls did not start"));
        var root = Uri(workspace);
        server.Request(
            "initialize",
            new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(workspace) }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["diagnostics"] = new JsonObject { ["refreshSupport"] = true } },
                    ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true }, ["publishDiagnostics"] = new JsonObject() },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            },
            timeout);
        server.Notify("initialized", new JsonObject());
        return server;
    }

    /// <summary>Waits for the end of the workspace load, which the server starts when the first document is opened.</summary>
    public void WaitUntilLoaded(TimeSpan timeout)
    {
        if (!loaded.Task.Wait(timeout))
        {
            throw new TimeoutException($"csharp-ls did not finish loading the workspace in {timeout}:\n{Log}");
        }
    }

    public void Open(string path) => Notify(
        "textDocument/didOpen",
        new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = versions[path] = 1, ["text"] = File.ReadAllText(path) } });

    /// <summary>Replaces the open document's whole text, as an editor does after a paste.</summary>
    public void Change(string path, string text) => Notify(
        "textDocument/didChange",
        new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = versions[path] = versions[path] + 1 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>The document's diagnostics now (<c>textDocument/diagnostic</c>, a full report).</summary>
    public IReadOnlyList<EditorDiagnostic> Diagnostics(string path, TimeSpan timeout)
    {
        var result = Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path) } }, timeout);
        var items = result?["items"]?.AsArray() ?? new JsonArray();
        return items.Select(item => new EditorDiagnostic(
            Path.GetFileName(path),
            item!["code"]?.ToString() ?? string.Empty,
            (int)item["range"]!["start"]!["line"]!,
            (int)item["range"]!["start"]!["character"]!,
            (int)item["range"]!["end"]!["line"]!,
            (int)item["range"]!["end"]!["character"]!,
            (int?)item["severity"] ?? 0,
            item["message"]?.ToString() ?? string.Empty,
            item["codeDescription"]?["href"]?.ToString())).ToList();
    }

    /// <summary>Asks for the document's diagnostics until <paramref name="done"/> holds or <paramref name="timeout"/> passes; returns the last answer.</summary>
    public IReadOnlyList<EditorDiagnostic> DiagnosticsWhen(string path, Func<IReadOnlyList<EditorDiagnostic>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var diagnostics = Diagnostics(path, timeout);
            if (done(diagnostics) || clock.Elapsed > timeout)
            {
                return diagnostics;
            }

            Thread.Sleep(250);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                Request("shutdown", null, TimeSpan.FromSeconds(10));
                Notify("exit", null);
                process.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
        {
            // The server is gone or stuck; it is killed below.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    private static string Uri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private JsonNode? Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        if (!answer.Task.Wait(timeout))
        {
            throw new TimeoutException($"csharp-ls did not answer {method} in {timeout}:\n{Log}");
        }

        return answer.Task.Result;
    }

    private void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonObject message)
    {
        var json = message.ToJsonString();
        Append("client -> " + Clip(json));
        var body = Encoding.UTF8.GetBytes(json);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            input.Write(header);
            input.Write(body);
            input.Flush();
        }
    }

    private void ReadMessages()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            Append("client: reader stopped: " + e.Message);
        }

        foreach (var waiting in pending.Values)
        {
            waiting.TrySetException(new IOException("csharp-ls closed its output:\n" + Log));
        }

        loaded.TrySetException(new IOException("csharp-ls closed its output:\n" + Log));
    }

    private static JsonNode? ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body);
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)b);
        }
    }

    private void Dispatch(JsonNode message)
    {
        Append("client <- " + Clip(message.ToJsonString()));
        var method = message["method"]?.ToString();
        var id = message["id"];
        if (method is null && id is not null)
        {
            // A response to one of our requests.
            if (pending.TryRemove((int)id, out var waiting))
            {
                if (message["error"] is { } error)
                {
                    waiting.TrySetException(new InvalidOperationException("csharp-ls answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    waiting.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        switch (method)
        {
            case "workspace/configuration":
                // Analyzers are off until the client turns them on, in the answer for section "csharp".
                var items = message["params"]?["items"]?.AsArray().Count ?? 1;
                var settings = new JsonArray();
                for (var i = 0; i < items; i++)
                {
                    settings.Add(new JsonObject { ["analyzersEnabled"] = true });
                }

                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = settings });
                break;
            case "window/logMessage":
                Append(message["params"]?["message"]?.ToString() ?? string.Empty);
                break;
            case "$/progress":
                if (IsEnd(message))
                {
                    loaded.TrySetResult(); // the workspace has loaded
                }

                break;
            default:
                if (id is not null)
                {
                    // client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh: acknowledged.
                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = null });
                }

                break;
        }
    }

    private static string Clip(string json) => json.Length <= 300 ? json : json[..300] + "…";

    private static bool IsEnd(JsonNode progress) => progress["params"]?["value"]?["kind"]?.ToString() == "end";

    private void ReadErrors()
    {
        try
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                Append(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The server exited.
        }
    }

    private void Append(string line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
