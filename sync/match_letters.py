"""Letters as names are read: an accented Latin letter as its letter and its mark, which an ASCII fold keeps,
and the letters Unicode does not decompose so (Greek, Cyrillic, Hangul, Hebrew, Arabic, Georgian, Armenian,
"ł", "ß") as their Latin transliterations, the Indic, Ethiopic and Southeast Asian scripts as codes
(sync.matching.normalise, sync.match_tiers.tiers_of, sync.match_products)."""

import re
import unicodedata

# letters that Unicode does not decompose into a Latin letter and a mark, which the ASCII fold would drop:
# "Wysyłka" is "Wysylka" as staff type it, "Straße" "Strasse", "Støtte" "Stotte"
# and Greek and Cyrillic letters as their Latin transliterations (ELOT 743; a Russian passport's, with
# Bulgarian's "ъ", a vowel, as "a"), as staff type them when no keyboard of theirs is at hand: "Μισθοδοσία" is
# "Misthodosia", "Почта" "Pochta", "Бекъп" "Bekap"
_GREEK = dict(
    zip("αβγδεζηθικλμνξοπρσςτυφχψω", [*"avgdezi", "th", *"iklmnxoprsstyf", "ch", "ps", "o"], strict=True)
)
_CYRILLIC = dict(
    zip(
        "абвгдежзиклмнопрстуфхцчшщъыьэюяієґђјљњћџѕ",  # "й", "ё", "ї" as the "и", "е", "і" they hold
        [*"abvgde", "zh", *"ziklmnoprstuf", "kh", "ts", "ch", "sh", "shch", "a", "y", "", "e", "yu", "ya"]
        + ["i", "ye", "g"]
        + ["dj", "j", "lj", "nj", "c", "dz", "dz"],  # Serbian's and Macedonian's "ђ ј љ њ ћ џ ѕ"
        strict=True,
    )
)
# and Kazakh's own letters (and Tatar's and Bashkir's "ә ө ү ң һ", Mongolian's "ө ү") as Kazakh is commonly
# romanised, without marks ("ғ" as "gh", "ң" as "ng", where its 2021 alphabet writes "ğ", "ñ"): "Қонақ" is
# "Qonaq", "Сақтық көшірме" "Saqtyq koshirme"
_CYRILLIC |= dict(zip("әғқңөұүһ", ["a", "gh", "q", "ng", "o", "u", "u", "h"], strict=True))
_CYRILLIC |= {"ҳ": "h", "ҷ": "j"}  # and Tajik's, as Tajik is romanised: "Музди меҳнат" is "Muzdi mehnat"
# and Korean's Hangul, which Unicode decomposes into its letters (jamo): each as the Revised Romanization
# writes it at a syllable's start, middle or end, letter by letter, without the sound changes across syllables
# it writes too ("백업" is "baekeop", not "baegeop"; "이메일" "imeil"): both sides of a match read it alike
_LEADS = "g kk n d tt r m b pp s ss - j jj ch k t p h"
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i"
_ENDS = "k k k n n n t l k m l l l p l m p p t t ng t t k t p t"
_HANGUL = dict(
    zip(
        [chr(c) for c in (*range(0x1100, 0x1113), *range(0x1161, 0x1176), *range(0x11A8, 0x11C3))],
        [*_LEADS.split(), *_VOWELS.split(), *_ENDS.split()],
        strict=True,
    )
) | {"\u110b": ""}  # a syllable's silent first letter
# and Hebrew's and Arabic's letters, each as its consonant and a mark of its script, "q" and "x" (Hebrew's
# alef and ayin and Arabic's hamza and ayin the mark alone, vowel points and an acronym's gershayim none; NFKD
# gives "أ" as "ا" and its hamza): read so, a word in those letters spells no English word or acronym, nor one
# of the other script ("מס", tax, is no "MS", Hebrew "מרכזיה", a switchboard, no Arabic "مركزية", central),
# and both sides of a match read it alike; a letter alone, a numeral or an abbreviation's ("מ׳", "ش.م.ع"),
# is read as nothing (UNSPELLED_ALONE)
_HEBREW = {
    letter: f"{sound}q"
    for letter, sound in zip(
        "אבגדהוזחטיכךלמםנןסעפףצץקרשת",
        ["", *"bgdhvz", "ch", *"tykklmmnns", "", "p", "f", "ts", "ts", *"kr", "sh", "t"],
        strict=True,
    )
} | {"׳": "", "״": "", "\u05be": "-"}  # the geresh, the gershayim and the maqaf, Hebrew's hyphen
_ARABIC = {
    letter: f"{sound}x"
    for letter, sound in zip(
        "ءابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
        ["", *"abht", "th", "j", "h", "kh", "d", "dh", *"rzs", "sh", *"sdtz", "", "gh", *"fqklmnhway"],
        strict=True,
    )
} | {"پ": "px", "چ": "chx", "ژ": "zhx", "ک": "kx", "گ": "gx", "ی": "yx", "ھ": "hx", "ۀ": "hx", "ے": "yx"}
_ARABIC |= {"ٹ": "tx", "ڈ": "dx", "ڑ": "rx", "ں": "nx", "ہ": "hx"}  # and Urdu's
_ARABIC |= {"ڵ": "lx", "ڕ": "rx", "ۆ": "ox", "ێ": "ex", "ە": "ax", "ڤ": "vx"}  # and Sorani Kurdish's
_ARABIC |= {"ۇ": "ux", "ۈ": "ux", "ې": "ex", "ۋ": "vx", "ڭ": "ngx"}  # and Uyghur's
_ARABIC |= {"ٻ": "bx", "ڀ": "bhx", "ٽ": "tx", "ٿ": "thx", "ٺ": "thx", "ڄ": "jx"}  # and Sindhi's
_ARABIC |= {"ڃ": "nyx", "ڇ": "chx", "ڊ": "dx", "ڌ": "dhx", "ڍ": "dhx", "ڏ": "dx"}
_ARABIC |= {"ڙ": "rx", "ڦ": "phx", "ڪ": "kx", "ڳ": "gx", "ڱ": "ngx", "ڻ": "nx"}
_ARABIC |= {"ټ": "tx", "ډ": "dx", "ړ": "rx", "ږ": "zx", "ښ": "shx", "ګ": "gx", "ڼ": "nx"}  # and Pashto's
_ARABIC |= {"ـ": "", "،": ","} | dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2, strict=True))
# and Georgian's and Armenian's letters so too, each with its script's mark, "j" and "w": "ელფოსტა" is
# "ejljpjojsjtjaj", no English word or acronym
_GEORGIAN = {
    letter: f"{sound}j"
    for letter, sound in zip(
        "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
        [*"abgdevztiklmnop", "zh", *"rstupk", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h"],
        strict=True,
    )
}
_ARMENIAN = {
    letter: f"{sound}w"
    for letter, sound in zip(
        "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
        [*"abgdezeyt", "zh", *"il", "kh", "ts", *"kh", "dz", "gh", "ch", *"myn", "sh", "o", "ch", *"pjrsvtr"]
        + ["ts", *"wpkof"],
        strict=True,
    )
}


def _coded(first: int, last: int, lead: str) -> dict[str, str]:
    """Each letter and sign of a script's block as a code of its own, its block's letter (`lead`), two letters
    and the mark "v" (the Indic, Ethiopic and Southeast Asian scripts', whose transliterations differ from one
    keyboard to another): "ইমেইল" is "bahvbbuvbctvbahvbbyv", hardly an English word, nor another block's;
    its digits as digits ("অফিস ৩৬৫" is Office 365)."""
    found = {}
    for point in range(first, last + 1):
        char = chr(point)
        if unicodedata.category(char)[0] not in "LMN":
            continue
        digit = unicodedata.digit(char, None)
        code = f"{lead}{chr(97 + (point - first) // 26)}{chr(97 + (point - first) % 26)}v"
        found[char] = str(digit) if digit is not None else code
    return found


# the Indic scripts' blocks (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
# Malayalam, Sinhala) and Ethiopic (Amharic, Tigrinya), so that an alias in them reads them (aliases.yaml)
_CODED = (
    {
        char: code
        for block in range(10)
        for char, code in _coded(0x0900 + 0x80 * block, 0x097F + 0x80 * block, chr(97 + block)).items()
    }
    | _coded(0x1200, 0x137F, "k")
    | {"\u1361": " ", "\u1362": ".", "\u1363": ","}
)
# and Thai, Lao, Burmese and Khmer so too
_CODED |= _coded(0x0E00, 0x0E7F, "m") | _coded(0x0E80, 0x0EFF, "n") | _coded(0x1000, 0x109F, "o")
_CODED |= _coded(0x1780, 0x17FF, "p")
# and Tibetan, as Dzongkha writes it, its syllables apart by a tsheg (words are not apart by spaces)
_CODED |= _coded(0x0F00, 0x0FFF, "q") | {"\u0f0b": " ", "\u0f0c": " ", "\u0f0d": " ", "\u0f0e": " "}
UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
    | {"ə": "e", "Ə": "E", "ʻ": "'", "ʼ": "'"}  # Azerbaijani's schwa, Uzbek's ʻ and ʼ as typed
    | {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"}
    | {"ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O"}  # Akan's and Lingala's open vowels ("Tɛlɛfon")
    | _GREEK
    | {k.upper(): v.title() for k, v in _GREEK.items() if k != "ς"}
    | _CYRILLIC
    | {k.upper(): v.title() for k, v in _CYRILLIC.items()}
    | _HANGUL
    | _HEBREW
    | _ARABIC
    | _GEORGIAN
    | {k.upper(): v.title() for k, v in _GEORGIAN.items()}
    | _ARMENIAN
    | {k.upper(): v.title() for k, v in _ARMENIAN.items()}
    | _CODED
)
# scripts read letter by letter whose readings are no English spelling of a brand or a word (Hangul, Hebrew,
# Arabic, Georgian, Armenian, and as codes the Indic scripts, Ethiopic, Thai, Lao, Myanmar, Khmer), and those
# not read at all (kana, Chinese characters): their words no alias reads say nothing beside Latin ones
# (sync.scorer_unknown), nor makers so written (sync.match_makers)
UNSPELLED_LETTERS = "\uac00-\ud7a3\u05d0-\u05ea\u0621-\u064a\u0679-\u06d5\ufb1d-\ufdff\ufe70-\ufefc"
UNSPELLED_LETTERS += "\u10d0-\u10f0\u1c90-\u1cb0\u0531-\u0556\u0561-\u0587"  # Georgian, Armenian
UNSPELLED_LETTERS += "\u0900-\u0dff\u0e01-\u0eff\u1000-\u109f\u1780-\u17ff"  # Indic, Thai, Lao, …
UNSPELLED_LETTERS += "\u1200-\u137f\u0f00-\u0fff"  # Ethiopic, Tibetan
UNSPELLED_LETTERS += "\u3041-\u30ff\u3400-\u9fff\uf900-\ufaff"  # kana, Chinese characters
UNSPELLED = re.compile(f"[{UNSPELLED_LETTERS}]")
# what a word in such letters holds besides them: Hebrew's points, geresh and gershayim (or quotes typed for
# them), Arabic's vowel marks and tatweel, Persian's zero-width non-joiner (sync.scorer_unknown,
# sync.match_makers)
UNSPELLED_WORD = f"{UNSPELLED_LETTERS}\u05b0-\u05c7\u05f3\u05f4\u064b-\u0652\u0640\u200c\u200d'\""
# a Hebrew or Arabic letter alone, with a geresh, a quote or a dot: a numeral ("מ׳") or an abbreviation's
# letter ("ش.م.ع"), no word; and a quote typed for the gershayim between Hebrew letters ("בע\"מ")
_SCRIPT = "\u05d0-\u05ea\u0621-\u064a\u0679-\u06d5"
_MARKS = (
    "\u064b-\u0655\u0670"  # Arabic's vowel marks and hamza, which NFKD gives apart: a letter's, not alone
)
UNSPELLED_ALONE = re.compile(f"(?<![\\w'\"׳״{_MARKS}])[{_SCRIPT}][׳'\".]?(?![\\w'\"׳״{_MARKS}])")
TYPED_GERSHAYIM = re.compile("(?<=[\u05d0-\u05ea])[\"'](?=[\u05d0-\u05ea])")
# as Greeklish writes them: "ou", "av", "ev" ("Ευρώπη", "Evropi"); not apart by a diaeresis ("Προϋπολογισμός")
GREEK_PAIRS = re.compile("(?i)[οαε]υ(?!\u0308)")


# Cyrillic letters that look like Latin ones, typed among Latin letters or digits in one word: "1С" (Cyrillic
# es), as Russian-speaking staff write the brand 1C, is no "1S"
LOOKALIKES = dict(zip("АВЕКМНОРСТХаеорсухЅІіЈј", "ABEKMHOPCTXaeopcyxSIiJj", strict=True))
MIXED_WORD = re.compile(r"\b\w*?(?:[0-9A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][0-9A-Za-z])\w*")
CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
# the letters transliterated as sounds (_GREEK, _CYRILLIC): a name in them may sound as a Latin one does
SOUNDED_LETTERS = "\u0370-\u03ff\u0400-\u04ff"
SOUNDED_LETTER = re.compile(f"[{SOUNDED_LETTERS}]")


def _as_latin(word: re.Match[str]) -> str:
    """A word of Latin letters or digits and Cyrillic ones: its Cyrillic letters as the Latin ones they look
    like, where each does and the word has a Latin letter, or is a digit's and one letter ("1С"); as written
    otherwise: "АТС2", an exchange numbered 2, is Cyrillic "ATS"."""
    text = word.group()
    if not re.search("[A-Za-z]", text) and len(CYRILLIC_LETTER.findall(text)) > 1:
        return text
    latin = "".join(LOOKALIKES.get(c, c) for c in text)
    return text if CYRILLIC_LETTER.search(latin) else latin


def decomposed(text: str) -> str:
    """The text with each accented letter as its Latin letter and its mark, for an ASCII fold to keep."""
    if MIXED_WORD.search(text):
        text = MIXED_WORD.sub(_as_latin, text)
    text = unicodedata.normalize("NFKD", text.replace("µ", "u"))  # "µTorrent" as typed, not a Greek "m"
    if UNSPELLED.search(text):
        text = UNSPELLED_ALONE.sub("", TYPED_GERSHAYIM.sub("", text))
    if GREEK_PAIRS.search(text):
        text = GREEK_PAIRS.sub(lambda pair: _pair(pair.group()), text)
    return text.translate(UNDECOMPOSED)


def _pair(pair: str) -> str:
    """A Greek vowel pair (GREEK_PAIRS) as Greeklish writes it, in its case."""
    read = {"ο": "ou", "α": "av", "ε": "ev"}[pair[0].lower()]
    return read.upper() if pair.isupper() else read.title() if pair[0].isupper() else read
