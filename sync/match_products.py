"""Products named in a service's name: "Mimecast Email Filtering", "Sophos Anti-Virus", "Veeam Cloud
Backup". Organisations often name a service after what delivers it, while the target's catalogue names
the service ("Email Security"). The product list ships in sync/data/products.yaml: each IT service and
the products that deliver it, from vendors' product pages and public market categories. A product that
delivers two services is listed under neither, so a name is read one way only (sync.scorer)."""

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from sync.match_dictionary import LOADER, shipped_groups
from sync.match_letters import decomposed
from sync.matching import normalise

PRODUCT_FILE = Path(__file__).resolve().parent / "data" / "products.yaml"
WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")


@lru_cache(maxsize=20_000)
def product_words(text: str) -> tuple[str, ...]:
    """A name's words as products are looked up: lower case, no plural or spelling folded, so "ADF" is
    not "ADFS" and "SSI" not "SSIS"."""
    folded = decomposed(text).encode("ascii", "ignore").decode().lower()
    return tuple(WORD.findall(folded))


class Product(NamedTuple):
    words: tuple[str, ...]  # normalised
    name: str  # as the list writes it
    service: str


@lru_cache(maxsize=1)
def products_as_read() -> dict[str, frozenset[tuple[str, ...]]]:
    """The shipped products' names as `normalise` reads them, which a product's own words (`product_words`)
    may not ("Infor SunSystems" is "infor sunsystem"), by their first word: for words read so, such as a
    description's (sync.match_details)."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for named in shipped_products().values():
        for product in named:
            if words := tuple(normalise(product.name).split()):
                found.setdefault(words[0], set()).add(words)
    return {first: frozenset(names) for first, names in found.items()}


@lru_cache(maxsize=1)
def shipped_products() -> dict[str, tuple[Product, ...]]:
    """The shipped products by their first normalised word, the longest name first."""
    data = yaml.load(PRODUCT_FILE.read_text(encoding="utf-8"), Loader=LOADER) or {}  # noqa: S506 (safe)
    found: dict[str, list[Product]] = {}
    for service, products in data.items():
        for name in products or ():
            words = product_words(str(name))
            if words:
                found.setdefault(words[0], []).append(Product(words, str(name), str(service)))
    return {first: tuple(sorted(named, key=lambda p: -len(p.words))) for first, named in found.items()}


@lru_cache(maxsize=1)
def _shipped_names() -> tuple[str, ...]:
    names = [p.name for found in shipped_products().values() for p in found]
    for kind in ("it_service", "software_product"):
        names += [name for group in shipped_groups(kind) for name in group]
    return tuple(names)


@lru_cache(maxsize=1)
def named_words() -> frozenset[str]:
    """Every word of a name the shipped lists know, products and aliases of every kind, normalised:
    "Paycom", "OpenCart", "Talend" are names of their own, no slips of "Paycor", "Opencast", "Talent"."""
    return frozenset(w for name in _shipped_names() for w in normalise(name).split())


@lru_cache(maxsize=1)
def written_words() -> frozenset[str]:
    """`named_words` as written, no plural folded: "SaaS" is "saas", not the "saa" of a code "SAA"."""
    return frozenset(w for name in _shipped_names() for w in product_words(name))


@lru_cache(maxsize=1)
def _software_groups() -> dict[str, tuple[str, ...]]:
    return {normalise(name): tuple(group) for group in shipped_groups("software_product") for name in group}


def product_names(name: str) -> tuple[str, ...]:
    """A product's name and its other names in the software dictionary: "Teams Calling" is "Microsoft
    Teams Phone" too, which a service may be named for ("Telephony - Microsoft Teams Phone")."""
    return tuple(dict.fromkeys([name, *_software_groups().get(normalise(name), ())]))


def products_in(words: list[str] | tuple[str, ...]) -> list[Product]:
    """The products a normalised name holds, each at its longest ("Zoom Phone" rather than "Zoom")."""
    index = shipped_products()
    found: list[Product] = []
    i = 0
    while i < len(words):
        product = None
        if named := index.get(words[i]):
            product = next((p for p in named if tuple(words[i : i + len(p.words)]) == p.words), None)
        if product:
            found.append(product)
            i += len(product.words)
        else:
            i += 1
    return found
