namespace TradeAlertBot.Core.Text;

/// <summary>
/// One word of a text. <see cref="Text"/> is folded (see <see cref="TextFolding"/>) and may differ from the
/// source slice ("U.S." becomes "us"); <see cref="Start"/>/<see cref="End"/> always point into the source.
/// </summary>
/// <param name="Text">Folded word.</param>
/// <param name="Start">Offset of the first character in the source.</param>
/// <param name="End">Offset just past the last character in the source.</param>
/// <param name="Position">Index of the word in the text (0, 1, 2 …), used for proximity.</param>
/// <param name="Sentence">Index of the sentence holding the word, used for SAME.</param>
public readonly record struct Token(string Text, int Start, int End, int Position, int Sentence);
