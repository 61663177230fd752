using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Rules;

/// <summary>
/// Rule files: one rule per file named <c>NAME.rule</c> (the name is the file name), <c>#</c> comments allowed.
/// A folder holds a rule pack.
/// </summary>
public static partial class RuleFile
{
    public const string Extension = ".rule";

    /// <exception cref="RuleSyntaxException">The file's rule is invalid (line and column within the file).</exception>
    public static Rule Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!ValidName().IsMatch(name))
        {
            throw new RuleSyntaxException(1, 1, $"rule name '{name}' (from the file name) must be lower-case letters, digits and '-'");
        }

        return Rule.Parse(name, File.ReadAllText(path));
    }

    public static IReadOnlyList<Rule> LoadAll(string fileOrDirectory) => [.. Paths(fileOrDirectory).Select(Load)];

    public static IReadOnlyList<RuleFileError> Check(string fileOrDirectory)
    {
        var errors = new List<RuleFileError>();
        foreach (var path in Paths(fileOrDirectory))
        {
            try
            {
                Load(path);
            }
            catch (RuleSyntaxException e)
            {
                errors.Add(new RuleFileError(path, e.Line, e.Column, e.Reason));
            }
        }

        return errors;
    }

    /// <summary>True when <paramref name="name"/> is a valid rule name.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    private static IEnumerable<string> Paths(string fileOrDirectory) =>
        Directory.Exists(fileOrDirectory)
            ? Directory.EnumerateFiles(fileOrDirectory, "*" + Extension).Order(StringComparer.Ordinal)
            : [fileOrDirectory];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ValidName();
}
