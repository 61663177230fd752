using System.Globalization;

namespace TradeAlertBot.Web.Public;

/// <summary>English names for the ISO codes the extractor finds ("EU" is a bloc, not a region .NET knows).</summary>
public static class CountryNames
{
    public static string Of(string code)
    {
        if (code == "EU")
        {
            return "European Union";
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
