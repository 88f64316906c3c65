"""A software record's kind where one product has two: its runtime and its development kit ("Temurin 17 JRE"
and "JDK 17"), which an alias reads alike as the product ("Java") though an install of one is no record of the
other."""

from functools import lru_cache

RUNTIME_WORDS = frozenset(["jre", "runtime"])
KIT_WORDS = frozenset(["jdk", "sdk"])


@lru_cache(maxsize=20_000)
def runtime_or_kit(plain: str) -> str:
    """ "runtime" for a runtime ("Temurin 17 JRE", ".NET Runtime 8", "Java 8 Update 421", as Oracle's runtime
    installs), "kit" for a development kit ("JDK 17", "Java SE Development Kit", ".NET SDK"), "" for neither
    or both: an alias reads JRE and JDK as Java, yet a runtime's install is not the kit's record."""
    words = set(plain.split())
    kit = not KIT_WORDS.isdisjoint(words) or " development kit" in f" {plain}"
    runtime = not RUNTIME_WORDS.isdisjoint(words) or (
        plain.startswith("java ") and "update" in words and not kit
    )
    return "runtime" if runtime and not kit else "kit" if kit and not runtime else ""


def kinds_differ(mine: str, theirs: str, written: str = "") -> bool:
    """A runtime and a development kit of one product, on either side (runtime_or_kit); `written`: the
    portfolio name as written, normalised, where its reading drops what says which ("Java 8 Update 421")."""
    ours, other = runtime_or_kit(mine) or runtime_or_kit(written), runtime_or_kit(theirs)
    return bool(ours) and bool(other) and ours != other
