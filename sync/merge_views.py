"""The merge screen of a connection whose platform pulls records back: the newest pull's differences,
one row per record and field, filtered by outcome, kind and class; take-theirs or keep-ours per field or
for everything the filter shows; import of new records under a chosen parent; the subscribe settings
(authority per field, automatic taking of target-owned changes); the Excel export. Views parse and call
`sync.merge_apply` / `sync.subscribe_export`; every change is a POST by an admin."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from catalog.choices import Role
from catalog.models import BusinessApplication, DeploymentProfile
from integrations.base.platform import platform_of
from sync import authority
from sync.filters import MergeFilter
from sync.merge_apply import DECIDABLE, KEEP, TAKE, Submission, apply_merge, undecided
from sync.models import Pull, PullChange, SubscribeState
from sync.subscribe import SubscribeRefused, newest_pull
from sync.subscribe_compare import NEW, OUTCOMES, labels
from sync.subscribe_export import workbook
from sync.subscribe_views import ConnectionMixin, subscribe_url

ROWS_SHOWN = 500
FILTER_KEYS = ("outcome", "record_kind", "target_type")


class SettingsForm(forms.ModelForm):
    authority_text = forms.CharField(
        label="Who owns which field",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One “kind = owner” or “kind.field = owner” per line (owner: portfolio or target). "
        "Unlisted: the portfolio owns applications, deployments and IT services; the target owns "
        "infrastructure items.",
    )

    class Meta:
        model = SubscribeState
        fields = ["apply_owned"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["authority_text"].initial = authority.as_text(self.instance.authority)

    def clean_authority_text(self) -> dict[str, str]:
        try:
            return authority.parse(self.cleaned_data["authority_text"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def save(self, commit: bool = True) -> SubscribeState:
        self.instance.authority = self.cleaned_data["authority_text"]
        return super().save(commit)


def merge_filter(pull: Pull | None, data: Any) -> MergeFilter:
    target = platform_of(pull.connection).label if pull else "the target"
    changes = pull.changes.all() if pull else PullChange.objects.none()
    classes = (
        list(changes.order_by("target_type").values_list("target_type", flat=True).distinct()) if pull else []
    )
    return MergeFilter(
        data,
        queryset=changes.order_by("outcome", "record_kind", "name"),
        outcomes=labels(target),
        classes=classes,
    )


def merge_context(namespace, connection, request, is_admin: bool) -> dict[str, Any]:
    """What the subscribe page adds for a record-pulling connection."""
    pull = newest_pull(connection)
    found = merge_filter(pull, request.GET)
    changes = list(found.qs.select_related("applied_by", "item")[:ROWS_SHOWN]) if found.is_valid() else []
    words = labels(platform_of(connection).label)
    rows = []
    for change in changes:
        fields = [
            {
                "name": name,
                "state": words.get(f.get("state", ""), f.get("state", "")),
                "portfolio": f.get("portfolio", ""),
                "last": f.get("last"),
                "target": f.get("target", ""),
                "owner": f.get("owner", ""),
                "decidable": f.get("state") in DECIDABLE
                and not change.applied_at
                and name not in change.decisions,
                "decided": change.decisions.get(name, ""),
            }
            for name, f in change.diff.items()
        ]
        rows.append(
            {
                "change": change,
                "outcome": words.get(change.outcome, change.outcome),
                "fields": fields,
                "chosen": {str(s[0]) for s in change.suggested},
            }
        )
    state = authority.read_state(connection)
    return {
        "merge": True,
        "pull": pull,
        "counts": [(words[o], pull.counts[o]) for o in OUTCOMES if pull and pull.counts.get(o)],
        "rows": rows,
        "filter": found,
        "shown": ROWS_SHOWN,
        "query": request.GET.urlencode(),
        "applications": BusinessApplication.objects.filter(namespace=namespace).order_by("name")
        if any(r["change"].outcome == NEW and r["change"].record_kind == "deployment" for r in rows)
        else [],
        "deployments": deployment_choices(namespace, rows),
        "settings_form": SettingsForm(instance=state),
        "state": state,
        "new": NEW,
        "can_merge": is_admin and pull is not None,
    }


def deployment_choices(namespace, rows: list[dict]) -> list[tuple[str, str]]:
    """(id, name) of the deployments a new item may be linked to, listed once for the page (a datalist);
    each row's select offers only its suggested deployments, plus any typed in."""
    if not any(r["change"].outcome == NEW and r["change"].record_kind == "infrastructure_item" for r in rows):
        return []
    found = DeploymentProfile.objects.filter(namespace=namespace).select_related("application")
    return [(str(d.pk), str(d)) for d in found.order_by("application__name", "name")]


def submission_from(post, pull: Pull) -> Submission:
    """The decisions a form sent; ValueError for a key that names no change."""
    result = Submission()
    bulk = post.get("bulk", "")
    if bulk:
        if bulk not in (TAKE, KEEP):
            raise ValueError(f"“{bulk}” is not a decision for everything shown (take or keep).")
        found = merge_filter(pull, {k: post.get(k, "") for k in FILTER_KEYS})
        if not found.is_valid():
            raise ValueError("The filter is not valid: reload the page.")
        for change in found.qs.filter(outcome__in=DECIDABLE, applied_at__isnull=True):
            chosen = {n: bulk for n in undecided(change)}
            if chosen:
                result.fields[change.pk] = chosen
        return result
    for key, value in post.items():
        if not key.startswith("f:") or not value:
            continue
        _, number, name = key.split(":", 2) if key.count(":") >= 2 else ("", "", "")
        if not number.isascii() or not number.isdecimal() or len(number) > 18:
            raise ValueError(f"“{key}” names no change.")
        result.fields.setdefault(int(number), {})[name] = value
    for number in post.getlist("import"):
        if not number.isascii() or not number.isdecimal() or len(number) > 18:
            raise ValueError(f"“{number}” names no change.")
        result.imports[int(number)] = post.getlist(f"parent-{number}")
    return result


class MergeView(ConnectionMixin, View):
    """POST (admin): carry out the decisions sent, all or nothing."""

    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk, pull_pk):
        connection = self.connection(pk)
        pull = get_object_or_404(Pull, connection=connection, pk=pull_pk)
        back = subscribe_url(connection) + ("?" + request.POST["query"] if request.POST.get("query") else "")
        try:
            result = apply_merge(pull, submission_from(request.POST, pull), request.user)
        except (SubscribeRefused, ValueError) as exc:
            messages.error(request, f"Nothing was applied: {exc}")
            return redirect(back)
        messages.success(request, f"Applied: {result}.")
        return redirect(back)


class SubscribeSettingsView(ConnectionMixin, View):
    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk):
        connection = self.connection(pk)
        form = SettingsForm(request.POST, instance=authority.state_of(connection))
        if form.is_valid():
            form.save()
            messages.success(request, "Subscribe settings saved.")
        else:
            errors = " ".join(e for es in form.errors.values() for e in es)
            messages.error(request, f"The settings were not saved: {errors}")
        return redirect(subscribe_url(connection))


class MergeExportView(ConnectionMixin, View):
    """The differences of a pull as an Excel workbook (the filter of the page applies)."""

    def get(self, request, namespace: str, pk, pull_pk):
        connection = self.connection(pk)
        pull = get_object_or_404(Pull, connection=connection, pk=pull_pk)
        found = merge_filter(pull, request.GET)
        changes = found.qs if found.is_valid() else pull.changes.none()
        response = HttpResponse(
            workbook(pull, changes.iterator()),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="subscribe-{connection.name}.xlsx"'
        return response
