using TradeAlertBot.Core.Evaluation;

namespace TradeAlertBot.Core.Tests.Evaluation;

/// <summary>
/// The hand-labelled development corpus in ../shared/corpus. Its licences allow evaluation only, so it is read
/// from there and never copied into the repository.
/// </summary>
internal static class SharedCorpus
{
    private static readonly Lazy<IReadOnlyList<LabelledExample>> Items = new(Load);

    public static IReadOnlyList<LabelledExample> All => Items.Value;

    public static IReadOnlyList<LabelledExample> Part(CorpusPart part) => [.. All.Where(i => CorpusSplit.Of(i.Id) == part)];

    private static IReadOnlyList<LabelledExample> Load()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "TradeAlertBot.sln")))
        {
            repo = repo.Parent;
        }

        // A clone has shared/ beside it; a git worktree sits one level deeper, so keep walking up.
        for (var dir = repo?.Parent; dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "corpus", "dev.jsonl");
            if (File.Exists(file))
            {
                using var reader = new StreamReader(file);
                return LabelledExample.Load(reader);
            }
        }

        throw new InvalidOperationException($"No shared/corpus/dev.jsonl beside or above {repo?.FullName ?? AppContext.BaseDirectory}");
    }
}
