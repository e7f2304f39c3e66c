using System.Globalization;
using System.Text;

namespace Inbox.Core.Contacts;

/// <summary>
/// Keys that make two spellings of one person's name compare equal in an index, so duplicates are found by the
/// database rather than by loading contacts. <see cref="Exact"/>: case, accents, punctuation, word order and
/// Traditional/Simplified forms of common Chinese name characters do not matter ("Müller, Anna" = "anna muller",
/// "陳偉" = "陈伟", "Chen Wei" = "Wei Chen"). <see cref="Sound"/>: also vowels and doubled letters do not
/// ("Siti Rahmah" ~ "Siti Rahma", "Mohammed" ~ "Muhamad").
/// </summary>
public static class NameKeys
{
    public const int MaxLength = 120;

    // Common surname and given-name characters whose Traditional and Simplified forms differ (Traditional → Simplified).
    private static readonly Dictionary<char, char> Simplified = new()
    {
        ['陳'] = '陈', ['張'] = '张', ['黃'] = '黄', ['劉'] = '刘', ['楊'] = '杨', ['趙'] = '赵', ['吳'] = '吴', ['鄭'] = '郑',
        ['謝'] = '谢', ['許'] = '许', ['馮'] = '冯', ['鄧'] = '邓', ['蕭'] = '萧', ['葉'] = '叶', ['蔡'] = '蔡', ['盧'] = '卢',
        ['譚'] = '谭', ['範'] = '范', ['陸'] = '陆', ['廖'] = '廖', ['賴'] = '赖', ['顏'] = '颜', ['嚴'] = '严', ['龍'] = '龙',
        ['偉'] = '伟', ['華'] = '华', ['國'] = '国', ['麗'] = '丽', ['傑'] = '杰', ['樂'] = '乐', ['東'] = '东', ['軍'] = '军',
        ['強'] = '强', ['鳳'] = '凤', ['寶'] = '宝', ['門'] = '门', ['馬'] = '马', ['蘇'] = '苏', ['錢'] = '钱', ['孫'] = '孙',
        ['鍾'] = '钟', ['鐘'] = '钟', ['韓'] = '韩', ['劍'] = '剑', ['興'] = '兴', ['龔'] = '龚', ['潔'] = '洁', ['慧'] = '慧',
        ['靜'] = '静', ['詩'] = '诗', ['雲'] = '云', ['燕'] = '燕', ['紅'] = '红', ['輝'] = '辉', ['曉'] = '晓', ['嬌'] = '娇',
    };

    /// <summary>Normalized words in alphabetical order; CJK names count each character as a word.</summary>
    public static string Exact(string? name) => Join(Words(name));

    /// <summary>Each word reduced to its first letter and its consonants, without repeats.</summary>
    public static string Sound(string? name) => Join(Words(name).Select(Skeleton));

    private static string Join(IEnumerable<string> words)
    {
        var key = string.Join(' ', words.Where(w => w.Length > 0).Order(StringComparer.Ordinal));
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    private static List<string> Words(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(name) || name == Contact.UnknownName) return words;
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // accents
            if (IsCjk(c))
            {
                Flush();
                words.Add(Simplified.GetValueOrDefault(c, c).ToString());
            }
            else if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(Fold(c)));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
    }

    private static char Fold(char c) => c switch { 'ß' => 's', 'ø' or 'Ø' => 'o', 'æ' or 'Æ' => 'a', 'ł' or 'Ł' => 'l', 'đ' or 'Đ' => 'd', _ => c };

    private static string Skeleton(string word)
    {
        if (word.Length == 0 || IsCjk(word[0])) return word;
        var sb = new StringBuilder().Append(word[0]);
        foreach (var c in word.AsSpan(1))
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w') continue;
            if (sb[^1] != c) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
