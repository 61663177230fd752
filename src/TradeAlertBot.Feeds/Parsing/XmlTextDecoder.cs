using System.Text;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Turns the bytes of an XML document into text. The encoding comes from the byte order mark, else the HTTP
/// Content-Type charset, else the XML declaration, else UTF-8 (RFC 7303 section 3.2, XML 1.0 appendix F).
/// Decoding is strict; when an ASCII-compatible encoding meets bytes it cannot decode, the text is decoded again as
/// the declared encoding or windows-1252, as feedparser and browsers do, and a warning says so.
/// </summary>
internal static partial class XmlTextDecoder
{
    private static readonly Encoding Windows1252Lenient;

    static XmlTextDecoder()
    {
        // windows-1251, windows-1252 and koi8-r are not built into .NET (Core); registering is idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252Lenient = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeCharset, List<string> warnings)
    {
        var (bomEncoding, bomLength) = DetectByteOrderMark(bytes);
        var body = bytes[bomLength..];
        if (bomEncoding is not null)
        {
            if (TryDecodeStrict(bomEncoding, body, out var text))
            {
                return text;
            }

            if (bomEncoding.CodePage != Encoding.UTF8.CodePage)
            {
                throw new FeedParseException(
                    FeedParseErrorKind.InvalidEncoding,
                    $"parse: bytes are not valid {bomEncoding.WebName} although the byte order mark says so");
            }

            warnings.Add("encoding: bytes after the UTF-8 byte order mark are not valid UTF-8; decoded as windows-1252");
            return Windows1252Lenient.GetString(body);
        }

        var declaredName = ReadDeclaredEncoding(body);
        var declared = declaredName is null ? null : ResolveDeclared(declaredName, warnings);
        var fromHeader = ResolveHeaderCharset(contentTypeCharset, warnings);
        var primary = fromHeader ?? declared ?? Encoding.UTF8;
        if (TryDecodeStrict(primary, body, out var decoded))
        {
            return decoded;
        }

        var fallback = declared is not null && declared.CodePage != primary.CodePage ? declared : null;
        if (fallback is not null && TryDecodeStrict(fallback, body, out decoded))
        {
            warnings.Add($"encoding: bytes are not valid {primary.WebName}; decoded as the declared {fallback.WebName}");
            return decoded;
        }

        warnings.Add($"encoding: bytes are not valid {primary.WebName}; decoded as windows-1252");
        return Windows1252Lenient.GetString(body);
    }

    private static (Encoding? Encoding, int Length) DetectByteOrderMark(ReadOnlySpan<byte> b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),

        // No BOM but "<?" in UTF-16 (XML 1.0 appendix F): the declaration itself cannot be read as ASCII.
        [0x3C, 0x00, 0x3F, 0x00, ..] => (Encoding.Unicode, 0),
        [0x00, 0x3C, 0x00, 0x3F, ..] => (Encoding.BigEndianUnicode, 0),
        _ => (null, 0),
    };

    private static string? ReadDeclaredEncoding(ReadOnlySpan<byte> body)
    {
        // The declaration is ASCII in every ASCII-compatible encoding, and it must come first.
        var head = body[..Math.Min(body.Length, 512)];
        var end = head.IndexOf("?>"u8);
        if (end < 0 || !head.StartsWith("<?xml"u8))
        {
            return null;
        }

        var match = EncodingAttribute().Match(Encoding.ASCII.GetString(head[..end]));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? ResolveDeclared(string name, List<string> warnings)
    {
        if (!TryGetEncoding(name, out var encoding))
        {
            throw new FeedParseException(
                FeedParseErrorKind.UnknownEncoding,
                $"parse: unknown encoding '{name}' in the XML declaration");
        }

        // We read the declaration as ASCII, so the bytes are not UTF-16/32 whatever it says (a common PHP mistake).
        if (!IsAsciiCompatible(encoding))
        {
            warnings.Add($"encoding: declaration says {name} but the bytes are ASCII-compatible; read as UTF-8");
            return null;
        }

        return encoding;
    }

    private static Encoding? ResolveHeaderCharset(string? charset, List<string> warnings)
    {
        var name = charset?.Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (TryGetEncoding(name, out var encoding) && IsAsciiCompatible(encoding))
        {
            return encoding;
        }

        warnings.Add($"encoding: ignored unusable Content-Type charset '{name}'");
        return null;
    }

    private static bool TryGetEncoding(string name, out Encoding encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
            return false;
        }
    }

    private static bool IsAsciiCompatible(Encoding encoding) => encoding.GetByteCount("<") == 1;

    private static bool TryDecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            text = strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    [GeneratedRegex("""\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']""")]
    private static partial Regex EncodingAttribute();
}
