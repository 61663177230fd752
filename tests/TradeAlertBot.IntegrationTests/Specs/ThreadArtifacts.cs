using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// Writes what a chat fake recorded of a thread to artifacts/NAME.json at the repository root (ignored by git), so a
/// reader can see the alert and its replies as Slack or Teams received them.
/// </summary>
internal static class ThreadArtifacts
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(string name, JsonNode content)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradeAlertBot.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, content.ToJsonString(Indented));
        return path;
    }
}
