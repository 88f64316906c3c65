"""Install names that may be several products (mixed into sync.scorer.Scorer): one installer for editions
sold apart ("Adobe Acrobat": Acrobat or Reader), and a suite's or a client's name whose parts the catalogue
keeps apart ("VMware vSphere 8": ESXi 8 and vCenter Server 8). Beside records of two of them, none is
chosen: a person says which one the install is."""

from sync.match_dictionary import words_of
from sync.match_installs import shared_install, suite_of, whole_suites
from sync.match_names import AliasBook, Name
from sync.match_versions import major
from sync.matching import Item


class InstallNames:
    """The records an install name leaves to a person."""

    targets: list[Item]
    book: AliasBook
    names: list[Name]
    majors: list[str]
    cores: dict[str, tuple[int, ...]]  # a target's core → the targets of that core

    def _shared(self, mine: Name, name: str, found: dict) -> set[int]:
        """Found records of two or more of the editions one install name may be (shared_installs), or of
        the parts of a suite (suites), of the install's major: "Adobe Acrobat (64-bit)" beside "Adobe
        Acrobat" and "Adobe Acrobat Reader DC". None of them is chosen."""
        products = [frozenset(self.book.read(p, "", True).core.split()) for p in shared_install(name)]
        ours = major(mine.version)
        of = {
            i: n
            for i in found
            for n, p in enumerate(products)
            if self._brandless_core(i) in (p, p - self._maker_words(i))
            and (not ours or not self.majors[i] or self.majors[i] == ours)
        }
        return set(of) if len(set(of.values())) > 1 else self._suite_parts(mine, found)

    def _suite_parts(self, mine: Name, found: dict) -> set[int]:
        """The records of a suite's parts where the catalogue holds two of them at the name's major and none
        of the suite itself, each with the best evidence any has: "VMware vSphere 8" may be ESXi 8, which an
        alias reads as vSphere, or vCenter Server 8 (VMware sold vSphere as the two); beside a "VMware
        vSphere 8", it is that one. A record is a part's when its name is the part's, generic words aside
        (no "VMware vCenter Converter"). None is chosen."""
        suite = suite_of(mine.plain.split())
        if suite is None:
            return set()
        ours, of = major(mine.version), {}
        for n, (part, own) in enumerate(suite.parts):
            for i in {*found, *self.cores.get(self.book.read(part, "", True).core, ())}:
                if ours and self.majors[i] and self.majors[i] != ours:
                    continue
                plain = self._plain_made(i)
                if suite.own_words <= plain <= suite.words:
                    return set()  # the suite's own record
                if plain - suite.words - self.book.generic == own:  # the part, not "vCenter Converter"
                    of[i] = n
        best = max((found[i][0] for i in of if i in found), default=0)
        if len(set(of.values())) < 2 or not best:
            return set()
        why = f"{suite.name} may be {' or '.join(part for part, _ in suite.parts)}: a person says which"
        for i in of:
            found[i] = (best, [why, *(found[i][1] if i in found else ())])
        return set(of)

    def _suite_records(self, mine: Name) -> tuple[list[int], str]:
        """The suite's own records, of the install's major or of none, for an install of one of its parts
        that no record is: "VMware vCenter Server 7.0 Update 3" is the catalogue's "VMware vSphere 7", as
        VMware sold vSphere as ESXi and vCenter Server (an alias reads ESXi as vSphere already)."""
        canon, ours = frozenset(mine.canon.split()), major(mine.version)
        for suite in whole_suites():
            for part, own in suite.parts:
                if own <= canon and self.book.read(part, "", True).core == mine.core:
                    if self.cores.get(mine.core):
                        return [], ""  # the part's own record
                    records = [
                        i
                        for i in self.cores.get(self.book.read(suite.name, "", True).core, ())
                        if (not ours or not self.majors[i] or self.majors[i] == ours)
                        and suite.own_words <= self._plain_made(i) <= suite.words  # not ESXi's record
                    ]
                    return records, f"{part} is part of {suite.name}"
        return [], ""

    def _plain_made(self, i: int) -> frozenset[str]:
        """Target i's words as written, less its maker's."""
        return frozenset(self.names[i].plain.split()) - self._maker_words(i)

    def _maker_words(self, i: int) -> frozenset[str]:
        return frozenset(words_of(self.targets[i].manufacturer))

    def _brandless_core(self, i: int) -> frozenset[str]:
        return frozenset(self.names[i].core.split()) - self._maker_words(i)

    def _unmade(self, i: int) -> tuple[str, ...]:
        """Target i's words less the maker's words that lead them ("Fortinet FortiClient EMS")."""
        words, made = self.names[i].words, self._maker_words(i)
        lead = next((n for n, w in enumerate(words) if w not in made), len(words))
        return words[lead:] if lead else ()
