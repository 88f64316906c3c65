"""An install's words after its product's name and the version written within it, which name a part or an
edition of that product ("Kaspersky Security Center 14.2 Administration Server", "Microsoft Dynamics NAV
2018 RoleTailored Client") unless they name another install, a licence or a release of their own
(sync.scorer_versions)."""

import re

from sync.match_brackets import LICENCES
from sync.match_dictionary import words_of
from sync.match_names import Name
from sync.match_rules import ARCHITECTURE, stem
from sync.match_versions import major
from sync.matching import VERSION, normalise

# an install's words after its product's name and version that name another install of it, or a build not
# released: its setup or installer, a language or targeting pack, its common files, an edition for developers
# or of its own engine ("Express LocalDB"), a service of its own ("Reporting Services"), its agent, runtime,
# driver, plug-in, helper or launcher, an update or patch, a portable build, a preview
OTHER_INSTALLS = frozenset(
    words_of("setup common files language pack targeting accessory localdb express developer developers")
    + words_of("development reporting services agent агент runtime vda sdk redistributable installer")
    + words_of("uninstaller uninstall bootstrapper update updater upd patch hotfix driver drivers plugin")
    + words_of("plug add in addin helper launcher portable documentation docs help beta alpha")
    + words_of("preview insider nightly canary dev")
)
RELEASE_WORD = re.compile(r"^(?:r\d+|rc\d*|ltsr|ltsc|ltsb|lts|esr|eus)$")  # a release, candidate or track


def after_version(shown: str, extra: list[str], written: set[str], mine: Name, their_major: str) -> bool:
    """Whether the words a software name adds to a product's all follow its version written within it, the
    product's name as its record writes it all before it ("Kaspersky Security Center 14.2 Administration
    Server"), of the record's major if it has one; and none of the words after the version names another
    install (OTHER_INSTALLS), a licence of its own (LICENCES: "SOLIDWORKS 2024 (Student Edition)") or a
    release ("2012 R2", "LTSC 2019"). The version field may number it otherwise ("Microsoft SharePoint
    Server 2019" at 16.0)."""
    raw = normalise(shown).split()  # "(64-bit)", "(x64)" read away
    said = [
        w for n, w in enumerate(raw) if not (w in ARCHITECTURE or w == "bit" or raw[n + 1 : n + 2] == ["bit"])
    ]
    words = [stem(w) for w in said]
    at = next((n for n, w in enumerate(words) if n and VERSION.match(w)), None)
    if at is None or at + 1 == len(words) or not mine.version:
        return False
    given = major(words[at].lstrip("v"))
    if given != major(mine.version) or their_major not in ("", given):
        return False
    before, after = set(words[:at]), words[at + 1 :]
    return (
        before.isdisjoint(extra)
        and before.issuperset(written)
        and set(after).issuperset(extra)
        and OTHER_INSTALLS.isdisjoint(after)
        and LICENCES.isdisjoint(said[at + 1 :])
        and not any(RELEASE_WORD.match(w) or VERSION.match(w) for w in after)
    )
