"""The dictionary that ships with the product (sync/data/aliases.yaml), read once: its alias groups and its
sections for what a name alone does not say (release names, products numbered by year, editions sold as
products of their own, whole-name aliases, one install name for two editions)."""

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from sync.match_languages import LANGUAGE_NAMES, LANGUAGES
from sync.match_rules import ARCHITECTURE, BITS, BRACKETS, NUMBER, stem
from sync.match_versions import WINDOWS_BUILD, major
from sync.matching import normalise

ALIAS_FILE = Path(__file__).resolve().parent / "data" / "aliases.yaml"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the dictionary 10× faster
DOTTED = re.compile(r"^v?\d+(?:\.\d+)+$")  # "4.4.1": a release, not a number of the name ("Code 42")
TAP_FORMULA = re.compile(
    r"^\s*([\w.-]+)/(?:tap|brew|homebrew-[\w.-]+)/([\w.@+-]+)\s*$", re.I
)  # owner/tap/formula
# a container image's reference after its registry's host: "docker.io/grafana/grafana",
# "registry.redhat.io/rhel9/postgresql-15:1-54" (an owner's name alone may be a product's: "drupal/core"),
# and its tag's version: "15.10-alpine", not an image's build "1-54"; not a code host's source package
# ("github.com/go-sql-driver/mysql" is no MySQL)
IMAGE = re.compile(
    r"^\s*(?!(?:github\.com|gitlab\.com|bitbucket\.org|golang\.org|gopkg\.in|sourceforge\.net)/)"
    r"(?:[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|localhost)(?::\d+)?/((?:[\w.-]+/)*)([a-z][\w.-]*?)"
    r"(?::v?(\d+\.\d[\w.]*?|\d{4})(?:-[\w.-]*)?|:[\w.-]+)?\s*$",
    re.I,
)
# the last part of an image's name that says which part of a product it is: "mssql/server", "dotnet/aspnet"
IMAGE_PARTS = frozenset(
    ["server", "agent", "runner", "enterprise", "client", "runtime", "sdk", "aspnet", "core"]
)
# an environment module's name and version (Lmod, EasyBuild, Spack), its toolchain after a dash:
# "netcdf-fortran/4.6.1-gompi-2023a", "abaqus/2024"; not "OS/2-Warp"
MODULE = re.compile(
    r"^\s*([A-Za-z][\w.+-]*)/(v?\d+(?:\.\d+)+[\w.+]*|\d{4}[\w.+]*)(?:-[\w.+-]*\d[\w.+-]*)?\s*$"
)
APP_BUNDLE = re.compile(r"\.app\s*$", re.IGNORECASE)
BUNDLE_ID = re.compile(
    r"\.app\s*\(\s*[a-z][a-z0-9-]*(?:\.[\w-]+)+\s*\)\s*$", re.I
)  # "Slack.app (com.tinyspeck…)"
# a reverse-DNS application id, as Flatpak and macOS inventories give them: "org.keepassxc.KeePassXC"
TLD = r"(?:com|org|net|io|us|md|app|dev|de|fr|uk|co|nl|ch|eu)"
APP_ID = re.compile(rf"^\s*{TLD}\.([a-z0-9_-]+)\.([\w.-]+?)\s*$")
MAKERS_APP_ID = re.compile(rf"^\s*{TLD}\.([a-z][a-z0-9_-]{{2,}})\s*$")  # "com.whatsapp": its maker's one app
# the words of a product's build for phones: "Microsoft Outlook Mobile", "… for iOS and Android"
PHONE_BUILD = frozenset(["mobile", "android", "ios", "io", "iphone", "ipad"])  # not "Teams Phone"
# "io.github.user.App": no maker's name, and often another's client for a product ("…WhatsAppDesktop")
CODE_HOSTS = frozenset(["github", "gitlab", "sourceforge"])
# the words a winget publisher adds to its product's name: "SlackTechnologies", "KeePassXCTeam"
COMPANY = frozenset(["technologies", "technology", "team", "software", "inc", "corp", "corporation", "llc"])
COMPANY |= {"ltd", "gmbh", "foundation"}
ID_DOT = re.compile(r"(?<=[^\W\d_])\.|\.(?=[^\W\d_])")  # a dot between an id's parts, not a version's
WINGET_ID = re.compile(r"^\s*([A-Za-z0-9][\w+-]*)\.([A-Za-z0-9][\w+.-]*?)\s*$")  # Publisher.Package
NOISE = ARCHITECTURE | BITS | LANGUAGES | LANGUAGE_NAMES | {"bit", "64bit", "32bit"}  # in brackets


@lru_cache(maxsize=20_000)
def words_of(text: str) -> tuple[str, ...]:
    """A name's normalised, stemmed words, as aliases and names are compared."""
    return tuple(stem(w) for w in normalise(text).split())


@lru_cache(maxsize=1)
def shipped_dictionary() -> dict:
    """The shipped dictionary (sync/data/aliases.yaml), read once."""
    return yaml.load(ALIAS_FILE.read_text(encoding="utf-8"), Loader=LOADER) or {}  # noqa: S506 (safe)


def shipped_groups(kind: str) -> tuple[tuple[str, ...], ...]:
    """The shipped dictionary's groups for a kind of record (its own section, `any` and `any_product`)."""
    data = shipped_dictionary()
    groups = [*data.get("any", []), *(data.get("any_product") or []), *data.get(kind, [])]
    return tuple(tuple(str(name) for name in group) for group in groups)


@lru_cache(maxsize=1)
def shipped_product_names() -> frozenset[tuple[str, ...]]:
    """The names in `any_product`, read as words: products, whose words a service's name may hold without
    them being words of a service."""
    groups = shipped_dictionary().get("any_product") or []
    return frozenset(words_of(str(name)) for group in groups for name in group)


@lru_cache(maxsize=1)
def shipped_releases() -> dict[str, list[tuple[tuple[str, ...], list[str], str]]]:
    """Release names read as their version, normalised and by first word: "macos" → [(("macos",
    "sonoma"), ["macos", "14"], "release: macOS Sonoma = macOS 14"), …], the longest name first."""
    data = shipped_dictionary()
    found: dict[str, list[tuple[tuple[str, ...], list[str], str]]] = {}
    for name, means in data.get("releases", []):
        words = tuple(normalise(name).split())
        found.setdefault(words[0], []).append((words, normalise(means).split(), f"release: {name} = {means}"))
    for named in found.values():
        named.sort(key=lambda pair: -len(pair[0]))
    return found


@lru_cache(maxsize=1)
def shipped_numbering() -> dict[frozenset[str], dict[str, tuple[str, str]]]:
    """Products sold by year whose installs report a major version (`numbered` in the dictionary), by their
    words, each number to the other and why: {{"sql", "server"}: {"2022": ("16", "SQL Server 2022 is
    version 16"), "16": ("2022", …), …}}."""
    found: dict[frozenset[str], dict[str, tuple[str, str]]] = {}
    for product, year, number in shipped_dictionary().get("numbered", []):
        both = found.setdefault(frozenset(words_of(str(product))), {})
        because = f"{product} {year} is version {number}"
        both[str(year)], both[str(number)] = (str(number), because), (str(year), because)
    return found


FEATURE_UPDATE = re.compile(r"\s*(\d\d[hH][12])\b")  # "23H2", "24H2 (26100.1742)"


def windows_update(version: str) -> str:
    """The feature update a Windows install's version reports by its build ("10.0.22631" → "23h2"), or ""."""
    return _windows_builds().get(windows_build(version), "")


def feature_update(field: str) -> str:
    """The feature update a Windows install's version field names ("23H2", "24H2 (26100.1742)" → "24h2"), or
    ""."""
    found = FEATURE_UPDATE.match(field)
    return found.group(1).lower() if found else ""


# "… LTSC 2021", "LTSB (2016)", "LTSC (x64) 2021", "Windows 10 Enterprise 2016 LTSB"
LONG_TERM_YEAR = re.compile(r"\blts[bc]\b.{0,20}?\b(20\d\d)\b|\b(20\d\d)\s+lts[bc]\b", re.I)


def long_term_build(name: str, field: str) -> str:
    """The build a Windows long-term servicing release's installs report, by the year its record's name or
    version field gives ("Windows 10 IoT Enterprise LTSC 2021" → "19044"), or "" (Office's LTSC none)."""
    found = LONG_TERM_YEAR.search(f"{name} {field}") if "windows" in name.lower() else None
    builds = shipped_dictionary().get("long_term_builds", {})
    return str(builds.get(int(found.group(1) or found.group(2)), "")) if found else ""


def windows_build(version: str) -> str:
    """The build a Windows install's version reports ("10.0.17763.5576" → "17763"), or ""."""
    found = WINDOWS_BUILD.match(version)
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _windows_builds() -> dict[str, str]:
    return {
        str(build): str(update).lower() for build, update in shipped_dictionary()["windows_builds"].items()
    }


def renumbered(words: Iterable[str], version: str, generic: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The version in the product's other numbering, and why ("16" for SQL Server 2022, "2022" for
    16.0.4135), or ("", ""): for a name that is the product itself once generic words are out, not one that
    holds it ("SQL Server Management Studio 19", "ODBC Driver 17 for SQL Server" number their own)."""
    kept = frozenset(words).difference(generic)
    for product, numbers in shipped_numbering().items() if version else ():
        if kept == product.difference(generic) and (found := numbers.get(major(version))):
            return found
    return "", ""


@lru_cache(maxsize=1)
def separate_editions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Products whose edition word names a product of its own ("JMP Pro" is not "JMP"), as words are
    read (stemmed: "windows" is "window"), by their first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for name in shipped_dictionary().get("separate_editions", []):
        words = words_of(name)
        found.setdefault(words[0], []).append(words)
    return {first: tuple(names) for first, names in found.items()}


def minor_releases_together() -> tuple[str, ...]:
    """Products whose minor releases are one release line (`minor_releases_together`): one record of
    "Terraform" at 1.9 stands for a "terraform" 1.5.7."""
    return tuple(str(name) for name in shipped_dictionary().get("minor_releases_together") or [])


def kept_editions(words: list[str]) -> set[int]:
    """The positions of edition words that name a product of their own here (separate_editions)."""
    index = separate_editions()
    return {
        i + len(name) - 1
        for i, word in enumerate(words)
        for name in index.get(word, ())
        if tuple(words[i : i + len(name)]) == name
    }


@lru_cache(maxsize=1)
def shipped_whole_names() -> dict[tuple[str, ...], tuple[list[str], str]]:
    """Names that stand for a product only as the whole name (`whole_names` in the dictionary), normalised:
    ("zoom",) → (["zoom", "workplace"], "alias: Zoom = Zoom Workplace")."""
    return {
        tuple(normalise(str(name)).split()): (normalise(str(means)).split(), f"alias: {name} = {means}")
        for name, means in shipped_dictionary().get("whole_names") or []
    }


@lru_cache(maxsize=1)
def shipped_omissions() -> dict[tuple[str, ...], tuple[list[str], tuple[int, ...], str]]:
    """Install names that were one edition's until a release (`named_by_omission`), normalised → the
    edition's words, that release, and the reason."""
    return {
        tuple(normalise(str(name)).split()): (
            normalise(str(means)).split(),
            release(str(until)),
            f"alias: {name} = {means} before {until}",
        )
        for name, means, until in shipped_dictionary().get("named_by_omission") or []
    }


def release(version: str) -> tuple[int, ...]:
    """ "2024.1.2" → (2024, 1, 2), to compare releases."""
    return tuple(int(part) for part in version.lstrip("v").split(".") if part.isdigit())


@lru_cache(maxsize=1)
def shipped_ambiguous() -> frozenset[str]:
    """Acronyms of several common systems (`ambiguous_acronyms`), normalised: never surely one of them."""
    return frozenset(normalise(str(a)) for a in shipped_dictionary().get("ambiguous_acronyms") or [])


@lru_cache(maxsize=1)
def shipped_kindred() -> dict[str, tuple[tuple[str, str], ...]]:
    """A group's canonical words, joined → each group (`kindred`) whose record may be its service, with
    the pair as written."""
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, other in shipped_dictionary().get("kindred") or []:
        key, kin = (" ".join(words_of(str(n))) for n in (name, other))
        found[key] = (*found.get(key, ()), (kin, f"{name} ~ {other}"))
    return found


@lru_cache(maxsize=1)
def renamed_makers() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """A maker's former name, as words → that name as written and the makers it became, as written
    (`former_makers`)."""
    return {
        tuple(normalise(str(former)).split()): (str(former), tuple(str(m) for m in makers))
        for former, *makers in shipped_dictionary().get("former_makers") or []
    }


@lru_cache(maxsize=1)
def shipped_former_makers() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A maker's former name, as words → the words of the makers it became (`renamed_makers`, read)."""
    return {
        lead: tuple(tuple(normalise(now).split()) for now in nows)
        for lead, (_, nows) in renamed_makers().items()
    }


@lru_cache(maxsize=1)
def renamed_leads() -> frozenset[str]:
    """The first words of makers' former names (`renamed_makers`): a quick test before reading a name's
    lead."""
    return frozenset(lead[0] for lead in renamed_makers() if lead)


@lru_cache(maxsize=1)
def still_leading() -> frozenset[str]:
    """The first words of the dictionary's groups' first names, as read: among them makers whose own name
    still leads products ("Dell PowerScale"), whatever a product of theirs became (`renamed_makers`)."""
    data = shipped_dictionary()
    groups = [
        group
        for kind in ("any", "any_product", "it_service", "software_product")
        for group in data.get(kind) or []
    ]
    return frozenset(words[0] for group in groups if (words := normalise(str(group[0])).split()))


def formerly(lead: tuple[str, ...], maker: tuple[str, ...]) -> bool:
    """Whether these words are a former name of this manufacturer ("PerkinElmer" of "Revvity Signals")."""
    return any(maker[: len(now)] == now for now in shipped_former_makers().get(lead, ()))


def whole_name(name: str) -> tuple[list[str], str]:
    """A portfolio's software name that is a whole-name alias, as its product's words, and the reason ("Zoom
    (64-bit)" is "Zoom Workplace"); else ([], ""). Whole means all of it: brackets may only hold an
    inventory's noise (architecture, language, a number), and no word or version may come more ("Zoom
    (Rooms)", "Code 42", "Code (Insiders)" keep their words) but a release's dotted version at the end,
    kept ("R for Windows 4.4.1" is R 4.4.1)."""
    words = whole_words(name)
    found = shipped_whole_names().get(words, ([], "")) if words else ([], "")
    if not found[0] and len(words) > 1 and DOTTED.match(words[-1]):
        product, reason = shipped_whole_names().get(words[:-1], ([], ""))
        if not product and (omitted := shipped_omissions().get(words[:-1])):
            product, until, reason = omitted  # "IntelliJ IDEA 2024.1" is Ultimate; "2025.3" either edition
            product = product if release(words[-1]) < until else []
        return ([*product, words[-1]], reason) if product else ([], "")
    return found


def whole_words(name: str) -> tuple[str, ...]:
    """A software name's normalised words once brackets holding an inventory's noise are out ("Zoom
    (64-bit)" → zoom); () when a bracket says more ("Zoom (Rooms)"), so the name is no whole name."""
    if "(" in name:
        name = BRACKETS.sub(lambda b: " " if inventory_noise(b.group(1)) else b.group(0), name)
    return () if "(" in name else tuple(normalise(name).split())


def inventory_noise(text: str) -> bool:
    """Whether bracketed text only says how an install was built: "64-bit", "x64 en-US", "3.11.7"."""
    words = normalise(text).split()
    return bool(words) and all(w in NOISE or NUMBER.match(w) for w in words)


def released(words: list[str]) -> tuple[list[str], str]:
    """The words with a release name replaced by its product and version ("macos sonoma" → "macos 14"),
    and the reason to show."""
    releases = shipped_releases()
    for i, word in enumerate(words):
        for name, means, reason in releases.get(word, ()):
            if tuple(words[i : i + len(name)]) == name:
                return [*words[:i], *means, *words[i + len(name) :]], reason
    return words, ""


@lru_cache(maxsize=1)
def apple_bundles() -> frozenset[tuple[str, ...]]:
    """The applications that come with macOS (`apple_bundles`), normalised."""
    return frozenset(
        tuple(normalise(str(name)).split()) for name in shipped_dictionary().get("apple_bundles") or []
    )


LANGUAGE_AFTER = re.compile(r"\s+-\s+[a-z]{2}-[a-z]{2}\s*$", re.I)  # an install's: "… - en-gb"
# Office's product ids, as the Office Deployment Tool and click-to-run inventories list them:
# "O365ProPlusRetail", "VisioStd2019Volume", "ProjectPro2021Retail"
OFFICE_ID = re.compile(
    r"^(O365|Visio|Project|Access|Word|Excel|Outlook|PowerPoint|Publisher)?"
    r"(ProPlus|Pro|Std|Standard|Business)?(20\d\d)?(Retail|Volume)$"
)
OFFICE_EDITIONS = {
    "ProPlus": "Professional Plus",
    "Pro": "Professional",
    "Std": "Standard",
    "Standard": "Standard",
}


def office_product(found: re.Match) -> str:
    """An Office product id's product as its name is written ("Microsoft Visio Standard 2019")."""
    app, edition, year, _ = found.groups()
    if app == "O365":
        return (
            "Microsoft 365 Apps for business"
            if edition == "Business"
            else "Microsoft 365 Apps for enterprise"
        )
    words = ["Microsoft", app or "Office", OFFICE_EDITIONS.get(edition or "", edition or ""), year or ""]
    return " ".join(w for w in words if w)


def is_app_id(shown: str) -> bool:
    """Whether an install's name is a phone's app id, as Android writes its package names, in lower case
    ("com.microsoft.office.outlook"); not a Mac's bundle id nor a Flatpak id, which mostly write the app's
    name in capitals ("com.microsoft.Outlook", "org.keepassxc.KeePassXC"), nor a code host's."""
    app = (APP_ID.match(shown) or MAKERS_APP_ID.match(shown)) if shown.islower() else None
    return bool(app) and app.group(1) not in CODE_HOSTS


def is_bundle(shown: str) -> bool:
    """Whether an install's name is a macOS bundle's ("Docker.app")."""
    return bool(APP_BUNDLE.search(shown))


def no_windows_build(shown: str) -> bool:
    """A Mac's bundle or a package, written in lower case ("R.app", "git"): no install of a product built for
    Windows ("SAP GUI for Windows", "Git for Windows")."""
    return shown.islower() or is_bundle(shown)


def bundled(name: str) -> str:
    """A macOS bundle's name as its application's ("zoom.us.app" → "zoom.us", "Notes.app" → "Apple Notes":
    the one that comes with macOS), a Homebrew tap's formula as its maker's ("hashicorp/tap/vault" →
    "hashicorp vault", not Autodesk's Vault), a reverse-DNS application id as its maker's and its name
    ("com.google.Chrome" → "google Chrome", "org.keepassxc.KeePassXC" → "KeePassXC", "com.whatsapp" →
    "whatsapp"; not a code host's,
    "io.github.shiftey.Desktop", an unofficial client as often as not), an Office product id as its product
    ("VisioStd2019Volume"), a winget id as its package where the publisher only repeats it ("Zoom.Zoom"),
    a container image as its last name and its tag's version ("docker.io/library/postgres:15.10-alpine" →
    "postgres 15.10"), an environment module
    as its name and version ("OpenMPI/4.1.5-GCC-12.3.0" → "OpenMPI 4.1.5"); other names as they are."""
    if "/" in name and " " not in name.strip():
        if tap := TAP_FORMULA.match(name):
            return f"{tap.group(1)} {tap.group(2)}"
        if module := MODULE.match(name):
            return f"{module.group(1)} {module.group(2)}"
        if image := IMAGE.match(name):
            return image_product(*image.groups())
    name = BUNDLE_ID.sub(".app", name)  # a Mac inventory's bundle and its id: the bundle's name says it
    if APP_BUNDLE.search(name):
        name = APP_BUNDLE.sub("", name)
        if tuple(normalise(name).split()) in apple_bundles():
            return f"Apple {name}"
    product_id = LANGUAGE_AFTER.sub("", name).strip()  # "O365ProPlusRetail - en-gb": an install's language
    if " " not in product_id and (office := OFFICE_ID.match(product_id)) and (office[1] or office[2]):
        return office_product(office)  # not a product named "Retail"
    if " " not in name.strip() and (app := APP_ID.match(name)) and app.group(1) not in CODE_HOSTS:
        maker, rest = app.group(1).replace("_", " "), app.group(2).replace(".", " ")
        same = re.sub(r"[\W_]", "", rest.lower()) == re.sub(r"[\W_]", "", maker)
        return rest if same else f"{maker} {rest}"
    if (app := MAKERS_APP_ID.match(name)) and app.group(1) not in CODE_HOSTS:
        return app.group(1)
    if " " not in name.strip() and (winget := WINGET_ID.match(name)):
        return winget_package(winget.group(1), winget.group(2)) or name
    return name


def image_product(path: str, last: str, tag: str | None) -> str:
    """A container image's product: the last part of its name, after the one before it where it says only
    which part ("mssql/server"), and the version its tag gives ("postgres:15.10-alpine": 15.10)."""
    owner = path.rstrip("/").rsplit("/", 1)[-1]
    product = f"{owner} {last}" if owner and last.lower() in IMAGE_PARTS else last
    return f"{product} {tag}" if tag else product


def winget_package(publisher: str, package: str) -> str:
    """A winget id's package, where the publisher is only its product's name again, or that and a word
    companies add ("Zoom.Zoom", "Python.Python.3.12", "SlackTechnologies.Slack", "KeePassXCTeam.KeePassXC");
    else "": the publisher says whose it is ("Microsoft.Teams"), or which one of a name ("TabbyML.Tabby" is
    no terminal's, "Ninja-build.Ninja" no NinjaOne's, and "Docker.DockerDesktop" reads as it is)."""
    first, maker = (re.sub(r"[\W_]", "", part.lower()) for part in (package.split(".", 1)[0], publisher))
    if len(first) >= 3 and (maker == first or maker.startswith(first) and maker[len(first) :] in COMPANY):
        return ID_DOT.sub(" ", package)  # "Python.3.12" is Python 3.12
    return ""
