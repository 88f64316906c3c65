"""A maker's build of a product, as a catalogue names it ("Red Hat build of OpenJDK", "Microsoft Build of
OpenJDK"), and the distribution a Linux package is built by: read as that maker's product
(sync.match_names), it is only suggested for another distribution's package (sync.scorer_ranking)."""

import re

from sync.match_rules import java_package
from sync.matching import normalise

BUILD_OF = re.compile(r"(?<=\w)\s+build\s+of\s+(?=\w)", re.I)
# the build a package's name or version gives: Red Hat's "2.el9", Fedora's "fc40", SUSE's "150400.3.48.1",
# Debian's "deb12u1", Ubuntu's "0ubuntu1~22.04"
DISTRIBUTIONS = {
    "Red Hat": re.compile(r"\.el\d", re.I),
    "Fedora": re.compile(r"\.fc\d", re.I),
    "SUSE": re.compile(r"suse|sle\d|-1[5-9]0\d00\.", re.I),
    "Debian": re.compile(r"deb\d", re.I),
    "Ubuntu": re.compile(r"ubuntu|~\d\d\.\d\d", re.I),
}


def packaged(name: str) -> bool:
    """Whether a name is OpenJDK as distributions package it, whichever built it ("java-17-openjdk",
    "openjdk-17-jre-headless", as sync.match_rules.java_package reads them)."""
    words = normalise(name).split()
    return " " not in name.strip() and java_package(words) != words


def other_build(name: str, version: str, theirs: str) -> str:
    """A distribution's package where a software record is another maker's build of the product
    ("Microsoft Build of OpenJDK" for Red Hat's "java-21-openjdk" at "21.0.2.0.13-1.el9"); or ""."""
    if not (built := BUILD_OF.search(theirs)):
        return ""
    maker = theirs[: built.start()]
    given = f"{name} {version}"
    found = next((d for d, build in DISTRIBUTIONS.items() if build.search(given)), "")
    if not found and not packaged(name):
        return ""
    if normalise(found) == normalise(maker):
        return ""
    return f"{f'a {found}' if found else 'a distribution'} package, where the record is {maker}'s build"
