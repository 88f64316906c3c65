"""Validates a portfolio document and upserts it into one namespace, all or nothing."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Model

from catalog.models import DeploymentProfile, Namespace
from catalog.models.infrastructure import IMPORT_SOURCE

from . import schema
from .problems import ImportFailed, JsonLocator, Locator, Path, Problem
from .structure import check_structure, natural_key


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        sections = [s.key for s in schema.TOP_LEVEL] + ["deployments"]
        parts = [
            f"{key.replace('_', ' ')}: {self.created[key]} created, {self.updated[key]} updated, "
            f"{self.unchanged[key]} unchanged"
            for key in sections
            if self.created[key] or self.updated[key] or self.unchanged[key]
        ]
        return "; ".join(parts) or "nothing to import"


class _Upserter:
    def __init__(self, namespace: Namespace, locator: Locator, bad: set[Path]) -> None:
        self.namespace = namespace
        self.locator = locator
        self.bad = bad
        self.problems: list[Problem] = []
        self.summary = ImportSummary()
        self.index: dict[str, dict[tuple, Model]] = {}
        self.refused_deployments: dict[tuple, Model] = {}

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.locator.describe(path), message))

    def load_existing(self, section: schema.Section) -> None:
        many = [f.model_attr for f in section.fields if f.kind in schema.LIST_KINDS]
        objects = section.model.objects.filter(namespace=self.namespace).prefetch_related(*many)
        if section is schema.APPLICATIONS_SECTION:
            objects = objects.prefetch_related("deployments__it_services", "deployments__software_products")
        self.index[section.key] = {self.key_of(section, obj): obj for obj in objects}

    @staticmethod
    def key_of(section: schema.Section, obj: Model) -> tuple:
        values = [getattr(obj, k) for k in section.natural_key]
        return tuple(v.lower() if section is schema.CONTACTS else v for v in values)

    # Values -------------------------------------------------------------------------------------------

    def resolve(self, kind: str, value: Any, path: Path) -> Any:
        """The model value for a document value, or raises ValueError with the reason."""
        match kind:
            case schema.TEXT:
                return value.strip()
            case schema.DATE:
                try:
                    return date.fromisoformat(value.strip()) if value.strip() else None
                except ValueError:
                    raise ValueError(f"“{value}” is not a date (use YYYY-MM-DD).") from None
            case schema.DECIMAL:
                try:
                    return Decimal(value.strip()) if value.strip() else None
                except InvalidOperation:
                    raise ValueError(f"“{value}” is not a number.") from None
            case schema.CONTACT:
                return self.lookup("contacts", (value.strip().lower(),), "contact", value) if value else None
            case schema.SUPPLIER:
                return self.lookup("suppliers", (value.strip(),), "supplier", value) if value else None
            case schema.SERVICES:
                return [self.lookup("it_services", (n.strip(),), "IT service", n) for n in value]
            case schema.PRODUCTS:
                return [
                    self.lookup(
                        "software_products",
                        (p["name"].strip(), p.get("version", "").strip()),
                        "software product",
                        f"{p['name']} {p.get('version', '')}".strip(),
                    )
                    for p in value
                ]
            case schema.APPLICATIONS:
                return [self.lookup("applications", (a.strip(),), "application", a) for a in value]
            case schema.DEPLOYMENT_REFS:
                return [
                    self.lookup(
                        "deployment_refs",
                        (d["application"].strip(), d["name"].strip()),
                        "deployment",
                        f"{d['application'].strip()}: {d['name'].strip()}",
                    )
                    for d in value
                ]
        raise ValueError(f"unknown kind {kind}")

    def lookup(self, section_key: str, key: tuple, label: str, shown: str) -> Model:
        obj = self.index[section_key].get(key)
        if obj is None:
            raise ValueError(f"unknown {label} “{shown}” (not in this file nor in the namespace)")
        return obj

    @staticmethod
    def choice_value(model: type[Model], attr: str, value: str) -> str:
        """Accept a choice's label as well as its stored value ("1 - most critical" or "1")."""
        choices = model._meta.get_field(attr).choices
        if not choices or not isinstance(value, str):
            return value
        for stored, label in choices:
            if value.lower() in (str(stored).lower(), str(label).lower()):
                return stored
        allowed = ", ".join(str(stored) for stored, _ in choices)
        raise ValueError(f"“{value}” is not one of: {allowed}.")

    # Records ------------------------------------------------------------------------------------------

    def upsert(
        self, section: schema.Section, item: dict, path: Path, *, dry: bool = False, **fixed: Any
    ) -> Model | None:
        """Create or update one record from `item`; returns it, or None when it has problems. `dry`
        validates only (its parent could not be saved, so uniqueness against the parent is skipped)."""
        index = self.index.setdefault(section.key, {})
        if path in self.bad:
            # Already reported; stands in unsaved so that references to it are not reported again.
            if isinstance(item, dict):
                index[natural_key(section, item)] = section.model(namespace=self.namespace, **fixed)
            return None
        key = natural_key(section, item)
        obj = index.get(key) or section.model(namespace=self.namespace, **fixed)
        is_new = obj._state.adding
        scalars_before = self.scalars(section, obj)
        relations_before = {} if is_new else self.relations(section, obj)
        many: dict[str, list[Model]] = {}
        failed: set[str] = set()
        for f in section.fields:
            if f.key not in item:
                continue
            try:
                value = self.resolve(f.kind, item[f.key], (*path, f.key))
                if f.kind == schema.TEXT:
                    value = self.choice_value(section.model, f.model_attr, value)
            except ValueError as exc:
                self.problem((*path, f.key), str(exc))
                failed.add(f.model_attr)
                continue
            refs = value if f.kind in schema.LIST_KINDS else [value] if isinstance(value, Model) else []
            if any(ref._state.adding for ref in refs):
                failed.add(f.model_attr)  # refers to a record that has its own problems, reported there
            elif f.kind in schema.LIST_KINDS:
                many[f.model_attr] = value
            else:
                setattr(obj, f.model_attr, value)
        exclude = failed | {f.model_attr for f in section.fields if f.kind in schema.LIST_KINDS}
        if dry:
            exclude |= set(fixed)
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as exc:
            self.report_validation(section, exc, path)
            failed.add(NON_FIELD_ERRORS)
        index[key] = obj
        if failed or dry:
            return None
        changed = is_new or self.scalars(section, obj) != scalars_before
        if changed:
            obj.save()
        for attr, related in many.items():
            if is_new or {r.pk for r in related} != relations_before[attr]:
                getattr(obj, attr).set(related)
                changed = True
        bucket = (
            self.summary.created if is_new else self.summary.updated if changed else self.summary.unchanged
        )
        bucket[section.key] += 1
        return obj

    @staticmethod
    def scalars(section: schema.Section, obj: Model) -> dict[str, Any]:
        return {
            f.model_attr: getattr(
                obj, f"{f.model_attr}_id" if f.kind in (schema.CONTACT, schema.SUPPLIER) else f.model_attr
            )
            for f in section.fields
            if f.kind not in schema.LIST_KINDS
        }

    @staticmethod
    def relations(section: schema.Section, obj: Model) -> dict[str, set]:
        return {
            f.model_attr: {r.pk for r in getattr(obj, f.model_attr).all()}
            for f in section.fields
            if f.kind in schema.LIST_KINDS
        }

    def index_deployments(self) -> None:
        """Every deployment of the namespace by (app_id, name), once the applications are written."""
        deployments = DeploymentProfile.objects.filter(namespace=self.namespace).select_related("application")
        self.index["deployment_refs"] = {(d.application.app_id, d.name): d for d in deployments}
        self.index["deployment_refs"].update(self.refused_deployments)

    def report_validation(self, section: schema.Section, exc: ValidationError, path: Path) -> None:
        keys = {f.model_attr: f.key for f in section.fields}
        for attr, messages in exc.message_dict.items():
            where = (*path, keys[attr]) if attr in keys else path
            for message in messages:
                self.problem(where, message)


def import_document(namespace: Namespace, document: Any, locator: Locator | None = None) -> ImportSummary:
    """Import `document` into `namespace` in one transaction; raises ImportFailed listing every problem
    (with its location) and writes nothing when there is any."""
    locator = locator or JsonLocator()
    problems, bad = check_structure(document, locator)
    if not isinstance(document, dict):
        raise ImportFailed(problems)
    upserter = _Upserter(namespace, locator, bad)
    with transaction.atomic():
        for section in schema.TOP_LEVEL:
            upserter.load_existing(section)
        for section in schema.TOP_LEVEL:
            if (section.key,) in bad:
                continue
            fixed = {}
            if section is schema.INFRASTRUCTURE:
                upserter.index_deployments()
                fixed = {"source": IMPORT_SOURCE}
            for i, item in enumerate(document.get(section.key, [])):
                obj = upserter.upsert(section, item, (section.key, i), **fixed)
                if section is schema.APPLICATIONS_SECTION:
                    import_deployments(upserter, obj, item, (section.key, i))
        if problems or upserter.problems:
            raise ImportFailed(problems + upserter.problems)
    return upserter.summary


def import_deployments(upserter: _Upserter, application: Model | None, item: dict, path: Path) -> None:
    """Deployments are keyed by name within their application; when the application itself was refused
    they are still checked (dry) so the user sees all problems at once."""
    if not isinstance(item, dict) or "deployments" not in item or (*path, "deployments") in upserter.bad:
        return
    parent = application or upserter.index["applications"].get(natural_key(schema.APPLICATIONS_SECTION, item))
    if parent is None:
        return
    dry = application is None
    upserter.index["deployments"] = {} if dry else {(d.name,): d for d in application.deployments.all()}
    app_id = natural_key(schema.APPLICATIONS_SECTION, item)[0]
    for j, deployment in enumerate(item["deployments"]):
        saved = upserter.upsert(
            schema.DEPLOYMENTS, deployment, (*path, "deployments", j), dry=dry, application=parent
        )
        if saved is None and isinstance(deployment, dict):
            # Its problems are reported; infrastructure that runs it is not reported again.
            key = natural_key(schema.DEPLOYMENTS, deployment)
            upserter.refused_deployments[(app_id, *key)] = upserter.index["deployments"][key]
