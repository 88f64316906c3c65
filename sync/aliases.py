"""A namespace's matching aliases: list, add, undo, and learn from confirmed matches. The wizard, its
alias page and `manage.py match aliases` all go through here."""

import re

from django.db import transaction

from sync.alias_models import MatchAlias
from sync.match_tiers import TIER_SUFFIX
from sync.matching import VERSION, normalise

MAX_LENGTH = 200


class AliasError(ValueError):
    """The alias cannot be added or removed; nothing changed."""


def pairs(namespace, kind: str) -> tuple[tuple[str, str], ...]:
    """The namespace's aliases for a kind of record, as the scorer takes them."""
    return tuple(MatchAlias.objects.filter(namespace=namespace, kind=kind).values_list("phrase", "means"))


def listed(namespace, kind: str | None = None) -> list[MatchAlias]:
    rows = MatchAlias.objects.filter(namespace=namespace).select_related("created_by")
    return list(rows.filter(kind=kind) if kind else rows)


def base_name(name: str, versioned: bool) -> str:
    """A name as an alias keeps it: without a tier suffix ("- Gold") or, for software, its versions."""
    text = name.strip()
    while (stripped := TIER_SUFFIX.sub("", text)) != text:
        text = stripped
    if versioned:
        text = " ".join(w for w in text.split() if not VERSION.match(w.lower()))
    return re.sub(r"\s+", " ", text).strip(" -–—:|")


def problems_of(kind: str, phrase: str, means: str) -> list[str]:
    """What is wrong with an alias, in words; empty when it can be saved."""
    problems = []
    if kind not in MatchAlias.Kind.values:
        problems.append(f"Unknown kind “{kind}”: use {' or '.join(MatchAlias.Kind.values)}.")
    for label, text in (("The portfolio's name", phrase), ("The target's name", means)):
        if not normalise(text or ""):
            problems.append(f"{label} needs at least one letter or digit.")
        elif len(text) > MAX_LENGTH or "\n" in text or "\r" in text:
            problems.append(f"{label} must be one line of at most {MAX_LENGTH} characters.")
    if not problems and normalise(phrase) == normalise(means):
        problems.append("The two names already read the same; no alias is needed.")
    return problems


@transaction.atomic
def add(namespace, kind: str, phrase: str, means: str, user=None, learned: bool = False) -> MatchAlias:
    """Add an alias, or give an existing phrase its new meaning. Raises AliasError."""
    phrase, means = (phrase or "").strip(), (means or "").strip()
    problems = problems_of(kind, phrase, means)
    if problems:
        raise AliasError(" ".join(problems))
    alias, _ = MatchAlias.objects.update_or_create(
        namespace=namespace,
        kind=kind,
        phrase=phrase,
        defaults={"means": means, "learned": learned, "created_by": user},
    )
    return alias


def remove(namespace, pk: int | str) -> MatchAlias:
    """Undo an alias. Raises AliasError if the namespace has no such alias."""
    alias = MatchAlias.objects.filter(namespace=namespace, pk=int(pk) if str(pk).isdigit() else None).first()
    if alias is None:
        raise AliasError(f"No alias {pk} in {namespace.name}.")
    alias.delete()
    return alias


def learn(
    namespace, kind: str, versioned: bool, chosen: list[tuple[str, str]], user=None
) -> list[MatchAlias]:
    """A person's "this is that": (portfolio name, target name) pairs the scorer had not pre-selected
    become aliases for the next time. Pairs that already read the same are left out."""
    learned = []
    for local_name, target_name in chosen:
        phrase, means = base_name(local_name, versioned), base_name(target_name, versioned)
        if problems_of(kind, phrase, means):
            continue
        learned.append(add(namespace, kind, phrase, means, user, learned=True))
    return learned
