"""An install's language, as inventories write it at the end of a software name ("Acrobat Reader DC -
Nederlands", "AutoCAD LT 2024 - English", "Office Professional Plus 2016 - en-us"): read away, as the same
product is installed in many languages (sync.match_rules.software_words, sync.match_names); and the editions
an install names in its language, read in English (`english_edition`)."""

import re

LANGUAGES = frozenset(
    ["en", "de", "fr", "es", "it", "nl", "pt", "ja", "zh", "ko", "ru", "sv", "da", "fi", "nb", "pl"]
    + ["tr", "cs", "sk", "hu", "ro", "sl", "nn", "bg", "lv", "lt", "el", "et"]  # not "hr", "uk", "no"
)
# languages whose code is a word or a code of something else (human resources, the United Kingdom, Microsoft),
# read as an install's language only with their country: "- hr-hr", "- uk-ua", "- ca-es", "- ms-my"
LANGUAGE_PAIRS = frozenset(
    [("hr", "hr"), ("uk", "ua"), ("ca", "es"), ("sr", "rs"), ("ms", "my"), ("is", "is"), ("af", "za")]
)
LANGUAGE_NAMES = frozenset(  # an install's language at the end of its name: "AutoCAD LT 2024 - English"
    ["english", "french", "german", "spanish", "italian", "dutch", "portuguese", "japanese", "chinese"]
    + ["turkish", "czech", "slovak", "danish", "swedish", "norwegian", "finnish", "hungarian", "greek"]
    + ["estonian", "latvian", "lithuanian", "indonesian", "croatian", "ukrainian", "catalan", "malay"]
    + ["icelandic", "slovenian", "slovene", "afrikaans", "korean", "russian", "romanian"]
    + ["bulgarian", "serbian", "hebrew", "arabic", "persian", "thai", "vietnamese"]  # not "polish": a word
    + ["mui", "multilingual"]  # "Adobe Acrobat Reader DC MUI": every language
)
# an install's language at the end after a dash, as the language names itself, and as English names it after
# that in Autodesk's names ("AutoCAD 2024 - Italiano (Italian)"; not an edition, "- Deutsch (Pro)"), or its
# locale, as Office's installs end ("- he-il", "- cy-gb")
LANGUAGE_AS_NAMED = re.compile(
    r"\s+[-–]\s+(?:nederlands|deutsch|fran[cç]ais|espa[nñ]ol|italiano|portugu[eê]s|svenska|norsk|dansk|polski"
    r"|t[uü]rk[cç]e|[cč]e[sš]tina|sloven[cč]ina|magyar|suomi|eesti|latvie[sš]u|lietuvi[uų]|bahasa indonesia"
    r"|hrvatski|catal[aà]|українська|bahasa melayu|[ií]slenska|sloven[sš][cč]ina|한국어"
    # a locale, its language in lower case, with its script ("- sr-latn-rs", "- sr-Latn-RS"): not "PA-VM"
    r"|(?-i:(?:[a-z]{2}|fil|haw)-(?:(?:[a-z]|[A-Z])[a-z]{3}-)?(?:[a-z]{2}|[A-Z]{2})))"
    r"(?:\s*\((?:dutch|german|french|spanish|italian|portuguese|swedish|norwegian|danish|polish|turkish"
    r"|czech|slovak|hungarian|finnish|estonian|latvian|lithuanian|indonesian|brasil|brazil|croatian|catalan"
    r"|ukrainian|malay|icelandic|slovenian|slovene)\))?\s*$",
    re.I,
)
# Microsoft's editions as Russian and Ukrainian installs name them ("Microsoft Office профессиональный плюс
# 2016", "Windows 10 Корпоративная", "Office LTSC професійний плюс"): their English names, as a catalogue
# writes them; only in Microsoft's names ("1С-Битрикс: Корпоративный портал" is a corporate portal)
EDITIONS_AS_NAMED = {"профессиональн": "Professional", "професійн": "Professional"}
EDITIONS_AS_NAMED |= {"корпоративн": "Enterprise", "стандартн": "Standard"}
LOCALISED_EDITION = re.compile(rf"\b({'|'.join(EDITIONS_AS_NAMED)})(?:ый|ая|ое|ий|а)(\s+плюс)?\b", re.I)
# a name that begins so: not "Dr.Web для Windows"
MICROSOFTS = re.compile(r"\s*(?:microsoft|windows)\b", re.I)
# Microsoft's name, and what its redistributables and runtimes are, as Russian and Ukrainian installs name
# them: "Майкрософт Windows 10 Pro", "Распространяемый пакет Microsoft Visual C++ 2010 x86 - 10.0.40219" (its
# Redistributable), "Среда выполнения Microsoft Edge WebView2" (its Runtime)
MICROSOFT_AS_NAMED = re.compile(r"^\s*майкрософт\b", re.I)
PACKAGES_AS_NAMED = {"распространяемый пакет": "Redistributable", "розповсюджуваний пакет": "Redistributable"}
PACKAGES_AS_NAMED |= {"среда выполнения": "Runtime", "середовище виконання": "Runtime"}
LOCALISED_PACKAGE = re.compile(rf"^\s*({'|'.join(PACKAGES_AS_NAMED)})\s+(?=microsoft\b)", re.I)
BUILD_AFTER = re.compile(r"(?<!\s)\s+(?:\(x\d\d\)|-\s+(?:x\d\d|\d))")  # " (x64) - 14.38", " - x86 9.0"


def english_edition(name: str) -> str:
    """A software name with Microsoft's name, and an edition, a redistributable or a runtime its install
    names in Russian or Ukrainian, in English."""
    if name.isascii():
        return name
    name = MICROSOFT_AS_NAMED.sub("Microsoft", name)
    if package := LOCALISED_PACKAGE.match(name):
        rest, what = name[package.end() :], PACKAGES_AS_NAMED[package[1].lower()]
        at = build.start() if (build := BUILD_AFTER.search(rest)) else len(rest)
        said = f"{rest[:at]} {what}" if what.lower() not in rest[:at].lower().split() else rest[:at]
        name = said + rest[at:]
    if not MICROSOFTS.match(name):
        return name
    return LOCALISED_EDITION.sub(
        lambda m: EDITIONS_AS_NAMED[m.group(1).lower()] + (" Plus" if m.group(2) else ""), name
    )
