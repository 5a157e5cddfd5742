using System.Text;

namespace Lakehouse.Cli.Demo;

/// <summary>The fixed word lists the generator draws from (UTF-8, with a few non-ASCII entries).</summary>
public static class SocialVocabulary
{
    public static readonly string[] Platforms = ["tiktok", "instagram", "youtube", "x", "facebook", "reddit", "threads", "linkedin"];

    /// <summary>Relative weights of <see cref="Platforms"/> (sum 100).</summary>
    public static readonly int[] PlatformWeights = [30, 22, 16, 12, 9, 5, 4, 2];

    public static readonly string[] Kinds = ["view", "like", "comment", "share", "post"];

    public static readonly int[] KindWeights = [58, 26, 9, 5, 2];

    public static readonly string[] Hashtags =
    [
        "ai", "worldcup", "music", "fashion", "gaming", "travel", "food", "fitness", "tech", "crypto",
        "climate", "movies", "nba", "f1", "kpop", "anime", "diy", "beauty", "pets", "memes",
        "startup", "elections", "science", "space", "books", "art", "photography", "coding", "skincare", "recipes",
        "football", "tennis", "olympics", "nature", "cars", "finance", "health", "parenting", "comedy", "dance",
        "wellness", "vegan", "coffee", "festival", "blackfriday", "newyear", "throwback", "motivation", "history", "design",
        "café", "naïve", "日本", "música", "🔥", "tbt", "ootd", "fyp", "viral", "trending",
    ];

    public static readonly string[] Words =
    [
        "the", "new", "drop", "is", "here", "and", "honestly", "it", "looks", "amazing", "can't", "believe",
        "how", "good", "this", "turned", "out", "who", "else", "is", "watching", "tonight", "best", "day",
        "ever", "trying", "recipe", "from", "last", "week", "my", "take", "on", "latest", "update", "thread",
        "quick", "review", "not", "sure", "about", "price", "but", "quality", "great", "love", "team",
        "what", "a", "game", "so", "much", "fun", "again", "hot", "take", "incoming", "wow", "crazy",
        "café", "déjà", "vu", "🔥", "😂", "🎉", "🚀", "✨", "über", "señor",
    ];

    public static readonly string[] Advertisers =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Hooli", "Pied Piper", "Soylent",
        "Cyberdyne", "Tyrell", "Aperture", "Vandelay", "Gringotts", "Monarch", "Oscorp", "Massive Dynamic", "Vehement", "Nakatomi",
    ];

    public static readonly string[] CampaignAdjectives = ["Spring", "Summer", "Autumn", "Winter", "Holiday", "Launch", "Flash", "Mega", "Evergreen", "Back-to-School"];

    public static readonly string[] CampaignNouns = ["Sale", "Push", "Promo", "Teaser", "Giveaway", "Challenge", "Collab", "Drop", "Boost", "Awareness"];

    internal static byte[][] Utf8(string[] words)
    {
        var result = new byte[words.Length][];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(words[i]);
        }

        return result;
    }

    /// <summary>A 0..99 lookup table mapping a percentile to an index by <paramref name="weights"/>.</summary>
    internal static byte[] WeightTable(int[] weights)
    {
        var table = new byte[100];
        var p = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            for (var j = 0; j < weights[i] && p < 100; j++)
            {
                table[p++] = (byte)i;
            }
        }

        while (p < 100)
        {
            table[p++] = (byte)(weights.Length - 1);
        }

        return table;
    }
}
