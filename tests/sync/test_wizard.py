"""The matching wizard against the sandbox's seeded offerings and models and a demo portfolio."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import ITService, SoftwareProduct
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import match_io, wizard
from sync.models import Direction, MatchChoice, SyncMapEntry, TargetRecord
from tests.conftest import member
from tests.factories import ConnectionFactory, UserFactory

pytestmark = pytest.mark.django_db
SERVICES, PRODUCTS = (wizard.Step.of(source) for source in MATCH_SOURCES)


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=10, services=10, seed=3)))
    conn = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    wizard.pull_targets(conn, SERVICES)
    wizard.pull_targets(conn, PRODUCTS)
    return conn


def by_name(rows):
    return {r.name: r for r in rows}


def test_pull_caches_the_targets_records(connection):
    assert len(wizard.targets(connection, SERVICES)) == 20
    models = {t.name: t for t in wizard.targets(connection, PRODUCTS)}
    assert (
        len(models) == 30
        and models["Oracle Database 12c"].version == "12c"
        and models["Oracle Database 12c"].manufacturer == "Oracle"
    )


def test_the_pulled_records_are_read_once_per_pull(connection, django_assert_num_queries):
    first = wizard.targets(connection, SERVICES)
    with django_assert_num_queries(1):  # the pull's time and count only: the page's every visit
        assert wizard.targets(connection, SERVICES) is first
    wizard.pull_targets(connection, SERVICES)
    again = wizard.targets(connection, SERVICES)
    assert again is not first and [t.target_id for t in again] == [t.target_id for t in first]
    assert wizard.pull_of(connection, SERVICES).at > wizard.pull_of(connection, PRODUCTS).at


def test_the_pulled_records_are_only_looked_at_in_the_django_admin(client, connection):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    record = TargetRecord.objects.filter(connection=connection).first()
    change = client.post(reverse("admin:sync_targetrecord_change", args=[record.pk]), {"name": "Renamed"})
    assert change.status_code == 403 and TargetRecord.objects.get(pk=record.pk).name == record.name
    assert client.get(reverse("admin:sync_targetrecord_add")).status_code == 403
    listed = client.get(reverse("admin:sync_targetrecord_changelist"), {"q": record.name})
    assert listed.status_code == 200 and record.name in listed.content.decode()


def test_suggestions_put_the_right_record_first_and_never_pair_versions(connection):
    services = by_name(wizard.build_rows(connection, SERVICES))
    assert services["Database Services"].choice_name.startswith("Database Services - ")
    assert services["Identity & Access Management"].choice_name == "Identity and Access Management"
    assert services["End User Computing"].choice_name == "End User Computing"
    backup = services["Enterprise Backup"]  # issue 19: found through the shipped dictionary
    assert (
        backup.choice_name == "Backup & Recovery"
        and "alias: Enterprise Backup = Backup and Recovery" in backup.why
    )
    products = wizard.build_rows(connection, PRODUCTS)
    for row in products:
        for candidate in row.candidates:
            assert row.version.rstrip(".0") in candidate.name or row.version in candidate.name, (
                row.name,
                candidate.name,
            )
    named = {f"{r.name} {r.version}": r for r in products}
    assert named["Oracle Database 19c"].choice_name == "Oracle Database 19c Enterprise Edition"
    assert named["Oracle Database 12c"].choice_name == "Oracle Database 12c"
    assert named["Microsoft SQL Server 2022"].decision == "create"


def test_a_product_of_another_manufacturer_is_only_suggested(connection, namespace):
    def row():
        return next(r for r in wizard.build_rows(connection, PRODUCTS) if r.local_id == str(record.pk))

    SoftwareProduct.objects.filter(name__startswith="Kubernetes").delete()  # the demo's: a contest
    record = SoftwareProduct.objects.create(
        namespace=namespace, name="Kubernetes", version="1.29.3", manufacturer="CNCF"
    )
    assert row().choice_name == "Kubernetes 1.29"
    SoftwareProduct.objects.filter(pk=record.pk).update(manufacturer="Mirantis Inc.")
    found = row()
    assert found.decision == "create" and found.candidates[0].name == "Kubernetes 1.29"
    assert (
        "made by CNCF, yours by Mirantis Inc.: suggested, never pre-selected" in found.candidates[0].reasons
    )


def test_confirmed_choices_fill_the_sync_map_and_are_shown_again(connection):
    rows = by_name(wizard.build_rows(connection, SERVICES))
    silver = next(t for t in wizard.targets(connection, SERVICES) if t.name == "Database Services - Silver")
    decisions = {r.local_id: (r.decision, r.choice_target_id) for r in rows.values()}
    decisions[rows["Database Services"].local_id] = ("match", silver.target_id)
    decisions[rows["Help Desk Services"].local_id] = ("skip", "")
    wizard.save_choices(connection, SERVICES, decisions)
    entry = SyncMapEntry.objects.get(connection=connection, record_id=rows["Database Services"].local_id)
    assert (entry.target_type, entry.target_id, entry.direction) == (
        "service_offering",
        silver.target_id,
        Direction.MATCHED,
    )
    matched = [lid for lid, (d, _) in decisions.items() if d == "match"]
    assert SyncMapEntry.objects.filter(connection=connection, kind="it_service").count() == len(matched)
    again = by_name(wizard.build_rows(connection, SERVICES))
    assert (
        again["Database Services"].choice_target_id == silver.target_id
        and again["Database Services"].confirmed
    )
    assert again["Help Desk Services"].decision == "skip"
    summary = wizard.summary(connection)["it-services"]
    assert summary == {
        "matched": len(matched),
        "new": len(decisions) - len(matched) - 1,
        "skipped": 1,
        "unconfirmed": 0,
    }


def test_inconsistent_choices_are_refused_whole(connection):
    rows = list(by_name(wizard.build_rows(connection, SERVICES)).values())
    gold = next(t for t in wizard.targets(connection, SERVICES) if t.name == "Database Services - Gold")
    with pytest.raises(wizard.ChoiceError) as raised:
        wizard.save_choices(
            connection,
            SERVICES,
            {
                rows[0].local_id: ("match", gold.target_id),
                rows[1].local_id: ("match", gold.target_id),
                rows[2].local_id: ("match", "f" * 32),
            },
        )
    assert len(raised.value.problems) == 2
    assert not MatchChoice.objects.exists() and not SyncMapEntry.objects.exists()


def test_changing_a_synced_match_warns_and_new_records_are_flagged(connection, namespace):
    rows = by_name(wizard.build_rows(connection, SERVICES))
    row = rows["Database Services"]
    wizard.save_choices(connection, SERVICES, {row.local_id: ("match", row.choice_target_id)})
    SyncMapEntry.objects.filter(record_id=row.local_id).update(last_synced_at="2026-01-01T00:00:00Z")
    warnings = wizard.save_choices(connection, SERVICES, {row.local_id: ("create", "")})
    assert len(warnings) == 1 and "will now point to a new record" in warnings[0]
    ITService.objects.create(namespace=namespace, name="Quantum Hosting", scope="shared")
    assert "new in the portfolio" in by_name(wizard.build_rows(connection, SERVICES))["Quantum Hosting"].flags


def test_bulk_accept_above_previews_without_saving(connection):
    rows = wizard.build_rows(connection, SERVICES, accept_above=96)
    assert all(r.decision == "create" or r.score >= 96 for r in rows)
    assert not MatchChoice.objects.exists()


def test_excel_round_trip_and_validation_with_row_numbers(connection):
    data = match_io.export_xlsx(connection, PRODUCTS)
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == list(match_io.COLUMNS)
    count, _ = match_io.import_xlsx(connection, PRODUCTS, data)
    assert count == SoftwareProduct.objects.count()
    gold = next(t for t in wizard.targets(connection, SERVICES) if t.name == "Database Services - Gold")
    sheet["E2"], sheet["D2"] = "0" * 32, "match"
    sheet["D3"], sheet["E3"] = "match", sheet["E4"].value or gold.target_id
    sheet["D4"] = "maybe"
    out = io.BytesIO()
    workbook.save(out)
    before = list(MatchChoice.objects.values_list("record_id", "decision", "target_id").order_by("record_id"))
    with pytest.raises(match_io.MatchFileError) as raised:
        match_io.import_xlsx(connection, PRODUCTS, out.getvalue())
    assert any(
        p.startswith("Row 2: no cmdb_software_product_model record with target_id 000")
        for p in raised.value.problems
    )
    assert any(p.startswith("Row 4: decision must be match, create or skip") for p in raised.value.problems)
    assert (
        list(MatchChoice.objects.values_list("record_id", "decision", "target_id").order_by("record_id"))
        == before
    )
    with pytest.raises(match_io.MatchFileError, match="Not a readable Excel workbook"):
        match_io.import_xlsx(connection, PRODUCTS, b"nope")


def test_match_command_prints_suggestions_and_choices(connection, capsys, tmp_path):
    call_command("match", "--connection", "snow", "--kind", "it_services")
    listed = json.loads(capsys.readouterr().out)
    database = next(r for r in listed if r["local"] == "Database Services")
    assert set(database) >= {
        "local",
        "local_id",
        "choice",
        "choice_target_id",
        "confirmed",
        "score",
        "candidates",
    }
    assert database["choice"].startswith("Database Services - ") and database["confirmed"] is False
    assert next(r for r in listed if r["local"] == "Enterprise Backup")["choice"] == "Backup & Recovery"
    call_command(
        "match",
        "--connection",
        "snow",
        "--kind",
        "software_products",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "m.xlsx"),
    )
    assert load_workbook(tmp_path / "m.xlsx").active.max_row == SoftwareProduct.objects.count() + 1


def test_wizard_pages_walk_and_save(client, namespace, connection):
    client.force_login(member(namespace, Role.ADMIN))
    start = client.get(reverse("sync:match_start", args=["acme"])).content.decode()
    assert "snow" in start
    step = reverse("sync:match_step", args=["acme", connection.pk, "it-services"])
    page = client.get(step).content.decode()
    assert (
        "Database Services - Gold — 96% · same name apart from case, punctuation or tier" in page
        and "20 <code>service_offering</code> records" in page
    )
    rows = wizard.build_rows(connection, SERVICES)
    search_url = reverse("sync:match_search", args=["acme", connection.pk, "it-services"])
    assert page.count(f'hx-get="{search_url}"') == len(rows) > 0  # each row searches the target
    form = {
        f"decision-{r.local_id}": (f"match:{r.choice_target_id}" if r.decision == "match" else r.decision)
        for r in rows
    }
    response = client.post(step, form)
    assert response["Location"] == reverse(
        "sync:match_step", args=["acme", connection.pk, "software-products"]
    )
    assert MatchChoice.objects.filter(kind="it_service").count() == len(rows)
    search = client.get(
        reverse("sync:match_search", args=["acme", connection.pk, "it-services"]), {"q": "telep"}
    )
    assert "Telephony" in search.content.decode()
    summary = client.get(reverse("sync:match_summary", args=["acme", connection.pk])).content.decode()
    assert "Summary" in summary


def test_wizard_is_for_namespace_admins(client, namespace, connection):
    client.force_login(member(namespace, Role.EDITOR))
    assert client.get(reverse("sync:match_start", args=["acme"])).status_code == 403


def test_wizard_page_for_500_rows_needs_few_queries(
    client, namespace, connection, django_assert_max_num_queries
):
    SoftwareProduct.objects.bulk_create(
        SoftwareProduct(namespace=namespace, name=f"Widget {i}", version=str(i)) for i in range(500)
    )
    client.force_login(member(namespace, Role.ADMIN))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("sync:match_step", args=["acme", connection.pk, "software-products"]))
    assert response.status_code == 200


def test_saved_matches_show_up_in_the_match_command(connection, capsys):
    rows = {r.name: r for r in wizard.build_rows(connection, SERVICES)}
    silver = next(t for t in wizard.targets(connection, SERVICES) if t.name == "Database Services - Silver")
    wizard.save_choices(
        connection,
        SERVICES,
        {
            rows["Database Services"].local_id: ("match", silver.target_id),
            rows["Network Infrastructure"].local_id: ("create", ""),
        },
    )
    call_command("match", "--connection", "snow", "--kind", "it_services")
    listed = {r["local"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["Database Services"] | {"candidates": []} == listed["Database Services"] | {
        "choice": "Database Services - Silver",
        "choice_target_id": silver.target_id,
        "confirmed": True,
        "candidates": [],
    }
    assert (
        listed["Network Infrastructure"]["choice"] is None
        and listed["Network Infrastructure"]["confirmed"] is True
    )


def test_one_target_is_pre_selected_for_one_record_only(connection, namespace):
    assert (
        by_name(wizard.build_rows(connection, SERVICES))["Enterprise Backup"].choice_name
        == "Backup & Recovery"
    )
    ITService.objects.create(namespace=namespace, name="Backup & Recovery", scope="shared")
    rows = by_name(wizard.build_rows(connection, SERVICES))
    assert (
        rows["Backup & Recovery"].choice_name == "Backup & Recovery"
        and rows["Backup & Recovery"].score == 100
    )
    loser = rows["Enterprise Backup"]
    assert loser.decision == "skip" and loser.choice_name == ""  # not "create": that could duplicate it
    assert (
        "Backup & Recovery is also the best match for Backup & Recovery: skipped until you choose"
        in loser.flags
    )
    ITService.objects.filter(name="Backup & Recovery").update(name="backup & recovery")
    ITService.objects.create(namespace=namespace, name="BACKUP & RECOVERY", scope="shared")
    tied = by_name(wizard.build_rows(connection, SERVICES))
    assert {tied[n].decision for n in ("backup & recovery", "BACKUP & RECOVERY", "Enterprise Backup")} == {
        "skip"
    }
    decisions = {r.local_id: (r.decision, r.choice_target_id) for r in tied.values()}
    wizard.save_choices(connection, SERVICES, decisions)  # the page's defaults always save


def test_a_record_its_status_says_is_retired_is_shown_so_and_a_live_one_comes_first(
    client, namespace, connection, sandbox
):
    (old,) = sandbox.table("service_offering", sysparm_query="name=Identity and Access Management")
    sandbox.patch(f"/api/now/table/service_offering/{old['sys_id']}", json={"install_status": "7"})
    (model,) = sandbox.table("cmdb_software_product_model", sysparm_query="name=Oracle Database 12c")
    sandbox.patch(f"/api/now/table/cmdb_software_product_model/{model['sys_id']}", json={"status": "Retired"})
    wizard.pull_targets(connection, SERVICES)
    wizard.pull_targets(connection, PRODUCTS)
    retired = TargetRecord.objects.filter(connection=connection, retired=True)
    assert sorted(retired.values_list("target_id", flat=True)) == sorted([old["sys_id"], model["sys_id"]])
    others = sandbox.table("service_offering", sysparm_query="service_classification=Technical Service")
    others = [o for o in others if o["sys_id"] != old["sys_id"]][:3]
    for row, values in zip(
        others,
        [
            {"operational_status": "6"},
            {"life_cycle_stage": "End of Life", "life_cycle_stage_status": "Obsolete"},
            {"life_cycle_stage": "Operational", "life_cycle_stage_status": "In Use"},
        ],
        strict=True,
    ):
        sandbox.patch(f"/api/now/table/service_offering/{row['sys_id']}", json=values).raise_for_status()
    wizard.pull_targets(connection, SERVICES)
    assert set(retired.filter(kind="it_service").values_list("target_id", flat=True)) == {
        old["sys_id"],
        others[0]["sys_id"],
        others[1]["sys_id"],
    }
    iam = by_name(wizard.build_rows(connection, SERVICES))["Identity & Access Management"]
    assert iam.decision == "create" and iam.candidates[0].target_id == old["sys_id"]  # a person decides
    why = "retired in the target, as its status says: suggested, never pre-selected"
    assert iam.candidates[0].reasons[-1] == why
    assert iam.details[old["sys_id"]].endswith(" · retired")
    oracle = {f"{r.name} {r.version}": r for r in wizard.build_rows(connection, PRODUCTS)}[
        "Oracle Database 12c"
    ]
    assert oracle.decision == "create" and oracle.candidates[0].target_id == model["sys_id"]
    assert why in oracle.candidates[0].reasons
    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(
        reverse("sync:match_step", args=["acme", connection.pk, "it-services"])
    ).content.decode()
    assert f"{why} · {old['number']} · Technical Service · retired</option>" in page
    search = reverse("sync:match_search", args=["acme", connection.pk, "it-services"])
    assert (
        "Technical Service</span> · <strong>retired</strong>"
        in client.get(search, {"q": "Identity"}).content.decode()
    )

    created = sandbox.post(
        "/api/now/table/service_offering",
        json={"name": "Identity and Access Management", "service_classification": "Technical Service"},
    ).json()["result"]
    wizard.pull_targets(connection, SERVICES)
    iam = by_name(wizard.build_rows(connection, SERVICES))["Identity & Access Management"]
    assert iam.choice.target_id == created["sys_id"]
    assert [c.target_id for c in iam.candidates[:2]] == [created["sys_id"], old["sys_id"]]
    assert not iam.candidates[1].preselectable
