"""Two manufacturers told apart: a portfolio record's and a target's. An inventory lists each install's
publisher, and a product of one name may be two makers' ("Synergy" is Symless' desktop-sharing tool and
Synectics' CCTV platform): a target made by another maker is only suggested. One maker is written many
ways, so only makers surely two are: neither a packager, nor the other's initials, nor of its lineage."""

import re
from functools import lru_cache

from sync.match_acronyms import initials
from sync.match_dictionary import shipped_former_makers
from sync.match_letters import SOUNDED_LETTER, UNSPELLED, UNSPELLED_WORD, decomposed
from sync.match_rules import stem
from sync.matching import normalise

# words of many makers' legal names ("Inc.", "GmbH", "Software", "Systems"), normalised: no maker's own
LEGAL = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp plc gmbh ag bv nv oy pty srl group "  # noqa: SIM905
    "holding international software system technology solution lab and".split()
)
# publishers of other makers' software, as their names begin: a Linux distribution's packages, a package
# manager's ("Ubuntu Developers", "Red Hat, Inc."; not "Red Box Recorders")
PACKAGERS = ("ubuntu ", "debian ", "canonical ", "fedora ", "centos ", "red hat ", "suse ", "opensuse ")
PACKAGERS += ("alpine linux ", "rocky linux ", "almalinux ", "homebrew ", "chocolatey ", "arch linux ")
PACKAGERS += ("conda forge ", "spack ", "easybuild ", "macports ", "flathub ")  # a channel's, a recipe's
PACKAGERS += ("nodesource ",)  # Node.js as its deb and rpm repositories publish it
UNSPELLED_RUN = re.compile(f"[{UNSPELLED_WORD}]+")
# legal forms and words of a company's legal name, as transliterated: Russian "ООО", "АО", "Компания"
LEGAL_TRANSLITERATED = frozenset(["ooo", "oao", "zao", "pao", "nao", "ao", "ip", "npo", "gk", "kompaniya"])
LEGAL_TRANSLITERATED |= {"tov", "pat", "prat", "too", "aq"}  # Ukrainian ТОВ, ПАТ, ПрАТ; Kazakh ТОО, АҚ
# letters spelled one way in a transliteration and another in a brand's Latin name: "Яндекс" is "Yandex",
# "КриптоПро" "CryptoPro", "КонсультантПлюс" "ConsultantPlus", "Тензор" "Tensor"
SOUNDS = (
    ("x", "ks"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("yu", "u"),
    ("y", "i"),
    ("z", "s"),
)


def maker_words(maker: str) -> tuple[str, ...]:
    """A manufacturer's own words, normalised, without those of legal names; its initials written with dots
    or spaces as one word ("S.W.I.F.T. SC" is SWIFT's)."""
    words, run = [], []
    for word in [*(w for w in normalise(maker).split() if w not in LEGAL), ""]:
        if len(word) == 1:
            run.append(word)
            continue
        words += ["".join(run)] if len(run) > 1 else run
        run = [] if word else run
        words += [word] if word else []
    return tuple(words)


@lru_cache(maxsize=10_000)
def maker_names(maker: str) -> frozenset[str]:
    """The ways a name may lead with its manufacturer's own words: the first of them, apart and, two or
    more, written together as a winget id does ("OBSProject.OBSStudio", "PaloAltoNetworks.GlobalProtect" by
    "Palo Alto Networks, Inc.")."""
    words, raw = maker_words(maker), [w for w in re.findall(r"[a-z0-9]+", maker.lower()) if w not in LEGAL]
    runs = [words[:k] for k in range(1, len(words) + 1)]
    glued = ["".join(run) for run in runs if len(run) > 1] + [
        "".join(raw[:k]) for k in range(2, len(raw) + 1)
    ]
    return frozenset([" ".join(run) for run in runs] + glued)  # "TheDocumentFoundation" keeps its "The"


@lru_cache(maxsize=1)
def _formers() -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """A maker's words → the former makers it became (`former_makers`, read the other way)."""
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for former, nows in shipped_former_makers().items():
        for now in nows:
            found.setdefault(now, set()).add(former)
    return found


@lru_cache(maxsize=1)
def known_makers() -> frozenset[tuple[str, ...]]:
    """The makers the dictionary names, as words: former ones and those they became (`former_makers`)."""
    return frozenset(shipped_former_makers()).union(*shipped_former_makers().values())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(maker[0] for maker in known_makers() if maker)


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, known_makers()), default=1)


def without_maker(name: str) -> tuple[str, str]:
    """A name less a maker of the dictionary that leads it, and that maker as written ("TIBCO Spotfire" →
    "Spotfire", "TIBCO"); ("", "") where none leads it or nothing is left."""
    written = name.split()
    head = normalise(written[0]).split() if len(written) > 1 else []
    if not head or head[0] not in _first_words():
        return "", ""  # most names, at once
    for size in range(min(_longest(), len(written) - 1), 0, -1):
        rest = " ".join(written[size:])
        if tuple(normalise(" ".join(written[:size])).split()) in known_makers() and normalise(rest):
            return rest, " ".join(written[:size])
    return "", ""


def lineage(maker: str) -> set[tuple[str, ...]]:
    """A maker's words, and those of the makers it was, became, or was with (`former_makers`): Omnissa's
    are VMware's and Broadcom's too, Citrix's Cloud Software Group's."""
    written = tuple(normalise(maker).split())
    words = written  # less a legal form in Cyrillic or Greek letters before it: "ООО «Код Безопасности»"
    if len(words) > 1 and words[0] in LEGAL_TRANSLITERATED and SOUNDED_LETTER.search(maker):
        words = words[1:]
    found = {written, words}
    for size in range(1, len(words) + 1):
        lead = words[:size]
        found |= _formers().get(lead, set()) | ({lead} if lead in shipped_former_makers() else set())
    for former in list(found):
        found.update(shipped_former_makers().get(former, ()))
    return found


@lru_cache(maxsize=10_000)
def sounded(maker: str) -> str:
    """A maker's own words as they sound, run together: its letters transliterated (sync.match_letters),
    its legal forms and initials left out ("Yandex N.V.", "Kaspersky Labs"; as normalised, a plural's "s"
    too), the letters a transliteration spells otherwise read alike (SOUNDS) and a doubled letter as one:
    compared as written, since normalising would cut "Яндекс"'s "s" and not "Yandex"'s "x"."""
    words = re.findall(r"[a-z0-9]+", decomposed(maker).lower())
    own = (w for w in words if len(w) > 1 and w not in LEGAL_TRANSLITERATED and normalise(w) not in LEGAL)
    text = "".join(own)
    for written, said in SOUNDS:
        text = text.replace(written, said)
    return re.sub(r"(.)\1", r"\1", text)


def _latin_words(maker: str) -> tuple[str, ...]:
    """A maker's own words beside those in letters read one by one, a legal form's left out: "Oracle ישראל"
    has "oracle", "חילן Ltd" none."""
    return maker_words(UNSPELLED_RUN.sub(" ", maker))


def other_maker(mine: str, mine_words: tuple[str, ...], theirs: str, their_words: tuple[str, ...]) -> bool:
    """Whether a portfolio record's manufacturer and a target's are surely two makers: no word in common,
    neither in the other record's name (stemmed words, as sync.match_names reads names: "VMware, Inc." for
    a "VMware Tools" made by Broadcom), neither a packager ("Ubuntu Developers" for nginx), nor the other's
    initials ("HPE", "IBM", "BNL Digital"), nor of one lineage, one's name the start of another's ("Citrix
    Systems", "Cloud Software Group"), nor one name written apart and together ("PUC-PR", "PUCPR"), nor a
    name in Hangul, Hebrew, Arabic or other such letters alone (sync.match_letters.UNSPELLED), a legal form
    aside ("חילן Ltd"), whose letters are no brand's English spelling ("(주)한글과컴퓨터" is Hancom, "חילן"
    Hilan; "Oracle ישראל" is still no SAP); Cyrillic and Greek names are compared as read ("ООО Яндекс" is
    no Google), and are the other's where it is in Latin letters and sounds the same (`sounded`: "ООО
    «ЯНДЕКС»" is Yandex)."""
    if any(
        not name.isascii() and UNSPELLED.search(name) and not _latin_words(name) for name in (mine, theirs)
    ):
        return False
    ours, others = maker_words(mine), maker_words(theirs)
    if not ours or not others or not set(ours).isdisjoint(others) or "".join(ours) == "".join(others):
        return False
    if not {stem(w) for w in ours}.isdisjoint(their_words) or not {stem(w) for w in others}.isdisjoint(
        mine_words
    ):
        return False
    if bool(SOUNDED_LETTER.search(mine)) != bool(SOUNDED_LETTER.search(theirs)) and (
        (sound := sounded(mine)) and sound == sounded(theirs)
    ):
        return False  # one name in Cyrillic or Greek letters, the other its brand's Latin spelling
    full, other_full = normalise(mine).split(), normalise(theirs).split()
    if f"{' '.join(full)} ".startswith(PACKAGERS):
        return False
    # the other's initials, as a whole name or its first word: "HPE", "IBM", "BNL Digital"; not "VI"
    for one, words, other in ((full, ours, others), (other_full, others, ours)):
        if {a for a in (initials(one), initials(words)) if len(a) > 2} & {"".join(other), other[0]}:
            return False
    return not any(a[: len(b)] == b or b[: len(a)] == a for a in lineage(mine) for b in lineage(theirs))
