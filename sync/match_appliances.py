"""Fortinet appliances' firmware as an asset scan lists it (sync.match_names reads a software name through
`firmware` first): the appliance, its hardware model glued to it, then the firmware's version and build
("FortiGate-200F v7.2.7,build1577 (GA.M)", "FGT_100F-v7.2.8.M-build1639", "FortiAnalyzer-VM64 v7.4.2"), read
as the firmware at that version: a FortiGate runs FortiOS, the others their own name; which model runs it is
no word of its name. Only Fortinet's names are read so: another maker's "Sage-50c v27.1" or "Aruba-2930F
v16.10" may be a product and an edition, or a switch named for its model."""

import re

# the appliance, then its model after a dash or an underscore: digits with a letter or two around them
# ("200F", "60E", "VM64", "3000D"), and the parts of a model after dashes ("60F-3G4G", "VM64-KVM")
APPLIANCE = re.compile(
    r"^(forti[a-z]{2,}|fgt)[-_]((?:vm)?\d{2,4}[a-z]{0,2}\d?(?:-(?!v?\d+\.)[a-z0-9]{2,5})*)"
    r"(?=$|[\s,(]|[-_](?:v?\d|build))",
    re.I,
)
# a build and a release's maturity: "build1577", "7.2.8.M", "(GA.M)" (generally available, mature)
BUILD = re.compile(r"[\s,._-]*\bbuild[\s_-]?\d+\b|(?<=\d)\.[MF]\b|\s*\(GA(?:\.[MF])?\)", re.I)
VERSION_OR_BUILD = re.compile(r"\bv?\d+\.\d|build", re.I)
RUNS = {"fortigate": "FortiOS", "fgt": "FortiOS"}  # the firmware a FortiGate runs


def firmware(name: str) -> str:
    """A Fortinet appliance's firmware as the firmware's name and version, model and build left out ("FortiOS
    v7.2.8"), where a version or a build follows its model, or the appliance's name alone where nothing does
    ("FortiAnalyzer-VM64"); other names as they are ("FortiGate-60F", a device, and "FortiClient 7.2", an
    install, keep theirs)."""
    found = APPLIANCE.match(name)
    rest = name[found.end() :] if found else ""
    if found and not rest.strip() and found[1].lower() not in RUNS:
        return found[1]  # "FortiAnalyzer-VM64", its version in its field
    if not found or not VERSION_OR_BUILD.search(rest):
        return name
    runs = RUNS.get(found[1].lower(), found[1])
    rest = BUILD.sub("", rest).strip(" ,_-")
    return rest if rest.lower().startswith(runs.lower()) else f"{runs} {rest}".strip()
