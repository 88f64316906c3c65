"""Network appliances' firmware as an asset scan lists it (sync.match_names reads a software name through
`firmware` first): the product, its hardware model glued to it, then the firmware's version and build
("FortiGate-200F v7.2.7,build1577 (GA.M)", "FGT_100F-v7.2.8.M-build1639", "FortiAnalyzer-VM64 v7.4.2"), read
as the product at that version; which model runs it is no word of the product's name."""

import re

# a product's one word, then its model after a dash or an underscore: digits with a letter or two around
# them ("200F", "60E", "VM64", "3000D"), ending the name or before a version, a build or a comma
APPLIANCE = re.compile(
    r"^([A-Za-z][A-Za-z]{2,})[-_]((?:VM)?\d{2,4}[A-Z]{0,2}\d?)(?=$|[\s,]|[-_]v?\d|[-_]build)", re.I
)
# a build and a release's maturity: "build1577", "7.2.8.M", "(GA.M)" (generally available, mature)
BUILD = re.compile(r"[\s,._-]*\bbuild[\s_-]?\d+\b|(?<=\d)\.[MF]\b|\s*\(GA(?:\.[MF])?\)", re.I)
VERSION_OR_BUILD = re.compile(r"^$|\bv?\d+\.\d|build", re.I)  # after the model: nothing, a version or a build


def firmware(name: str) -> str:
    """An appliance's firmware as its product's name and version, model and build left out; other names
    as they are ("Office-2016", "Windows-10 Pro" keep theirs: a model has a letter or is a VM's)."""
    found = APPLIANCE.match(name)
    if not found or found[2].isdigit() or not VERSION_OR_BUILD.search(name[found.end() :]):
        return name
    rest = BUILD.sub("", name[found.end() :]).strip(" ,_-")
    return f"{found[1]} {rest}".strip()
