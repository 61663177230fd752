using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Rules;

/// <summary>An item prepared for matching: title and body tokenized once, reusable across rule sets.</summary>
public sealed class Document
{
    private Document(string title, string body)
    {
        Title = title;
        Body = body;
        TitleWords = Tokenizer.Tokenize(title);
        BodyWords = Tokenizer.Tokenize(body);
    }

    public string Title { get; }

    public string Body { get; }

    internal List<Token> TitleWords { get; }

    internal List<Token> BodyWords { get; }

    public static Document Create(string title, string body) => new(title, body);

    internal string Text(Field field) => field == Field.Title ? Title : Body;

    internal List<Token> Words(Field field) => field == Field.Title ? TitleWords : BodyWords;
}
