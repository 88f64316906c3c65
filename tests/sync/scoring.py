"""One portfolio record scored against a catalogue, as the scorer tests read it."""

from sync.matching import Candidate, Item, preselect
from sync.scorer import PRESELECT_AT, suggest


def first_candidate(
    name: str, targets: list[Item], version: str = "", versioned: bool = False, aliases=()
) -> Candidate | None:
    """The best candidate for a record of this name and version, or None."""
    found = suggest([Item("l", name, version)], targets, versioned=versioned, aliases=aliases)["l"]
    return found[0] if found else None


def ranked(name: str, targets: list[Item], version: str = "", versioned: bool = False) -> list[Candidate]:
    """The candidates for a record of this name and version, best first."""
    return suggest([Item("l", name, version)], targets, versioned=versioned)["l"]


def chosen_key(name: str, targets: list[Item]) -> str:
    """The key of the service pre-selected for a portfolio name, or "" where none is."""
    pick = preselect(ranked(name, targets), PRESELECT_AT)
    return pick.target_id if pick else ""


def chosen_name(name: str, targets: list[Item], version: str = "", versioned: bool = False) -> str:
    """The name of the record pre-selected for it, or "" where none is."""
    pick = preselect(ranked(name, targets, version, versioned), PRESELECT_AT)
    return pick.name if pick else ""


# an English catalogue of common IT services, by name alone: the language tests read other languages' words for
# them through the dictionary, with no description to help
SERVICES = [
    Item("mail", "Email"),
    Item("backup", "Backup and Recovery"),
    Item("pay", "Payroll"),
    Item("print", "Printing"),
    Item("files", "File Shares"),
    Item("vpn", "Remote Access VPN"),
    Item("av", "Endpoint Protection"),
    Item("db", "Database Services"),
    Item("dc", "Data Center"),
    Item("mon", "Infrastructure Monitoring"),
    Item("sign", "Electronic Signature"),
    Item("time", "Time and Attendance"),
    Item("mobile", "Mobile Telephony"),
    Item("cctv", "CCTV"),
    Item("desk", "Service Desk"),
    Item("mfa", "Multi-Factor Authentication"),
    Item("ad", "Active Directory"),
    Item("pwd", "Password Reset"),
    Item("lan", "Local Area Network"),
]


def assert_read_as(catalogue: list[Item], installs: list[tuple[str, str, str, str]]) -> None:
    """Each install (name, version, maker as the installer wrote it) pre-selects the catalogue's record of
    that key."""
    for name, version, maker, key in installs:
        pick = preselect(
            suggest([Item("l", name, version, maker)], catalogue, versioned=True)["l"], PRESELECT_AT
        )
        assert pick is not None and pick.target_id == key, name
