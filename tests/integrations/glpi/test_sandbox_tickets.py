"""Tickets in the GLPI sandbox, served over HTTPS: the priority matrix, status dates, `date_mod`,
followups, solutions, linked items and documents as sub-items, the incremental search by `date_mod`
that the ticket sync uses, and GLPI's error arrays for bad input (nothing half-written)."""

import json

import pytest

from integrations.glpi.sandbox.wire import sanitized

OLD = "2020-01-01 00:00:00"
RAW = {"X-GLPI-Sanitized-Content": "false"}


def create(glpi_server, **values) -> dict:
    values = {"name": "printer jam", "content": "<p>Tray 2 & 3</p>", **values}
    answer = glpi_server.post("/Ticket", json={"input": values})
    assert answer.status_code == 201, answer.text
    return ticket(glpi_server, answer.json()["id"])


def ticket(glpi_server, ticket_id) -> dict:
    answer = glpi_server.get(f"/Ticket/{ticket_id}", headers=RAW)
    assert answer.status_code == 200, answer.text
    return answer.json()


def age(glpi_server, ticket_id) -> None:
    """Move the ticket's date_mod back, so a change within the same second still shows."""
    store = glpi_server.glpi.store
    store.put("Ticket", {**store.item("Ticket", ticket_id), "date_mod": OLD})


def change(glpi_server, ticket_id, **values):
    return glpi_server.put(f"/Ticket/{ticket_id}", json={"input": values})


# 1. The ticket itself --------------------------------------------------------------------------------


# GLPI's `priority_matrix` config of a new install (install/empty_data.php), rows urgency 1-5, columns impact
GLPI_DEFAULT = ["11222", "12233", "22344", "23445", "23455"]


@pytest.mark.parametrize(("urgency", "impact"), [(u, i) for u in range(1, 6) for i in range(1, 6)])
def test_priority_follows_glpis_default_matrix(glpi_server, urgency, impact):
    created = create(glpi_server, urgency=urgency, impact=impact)
    assert created["priority"] == int(GLPI_DEFAULT[urgency - 1][impact - 1])


def test_a_new_ticket_has_glpis_defaults(glpi_server):
    created = create(glpi_server)
    assert (created["status"], created["urgency"], created["impact"], created["priority"]) == (1, 3, 3, 3)
    assert (created["type"], created["entities_id"], created["users_id_recipient"]) == (
        1,
        0,
        7,
    )  # active entity
    assert created["date"] and created["date_mod"] and len(created["date_mod"]) == 19  # to the second
    assert created["solvedate"] is None and created["closedate"] is None


def test_an_explicit_priority_is_kept_and_a_new_urgency_recomputes_it(glpi_server):
    created = create(glpi_server, urgency=1, impact=1, priority=6, type=2, itilcategories_id=2)
    assert (created["priority"], created["type"], created["itilcategories_id"]) == (6, 2, 2)
    assert change(glpi_server, created["id"], urgency=5).status_code == 200
    assert ticket(glpi_server, created["id"])["priority"] == int(GLPI_DEFAULT[4][0])
    assert change(glpi_server, created["id"], impact=5, priority=1).status_code == 200
    assert ticket(glpi_server, created["id"])["priority"] == 1
    assert change(glpi_server, created["id"], name="renamed").status_code == 200
    assert ticket(glpi_server, created["id"])["priority"] == 1  # untouched by an unrelated change


def test_date_mod_moves_on_every_update_and_not_on_a_no_op(glpi_server):
    created = create(glpi_server)
    age(glpi_server, created["id"])
    assert change(glpi_server, created["id"], name="printer jam").status_code == 200
    assert ticket(glpi_server, created["id"])["date_mod"] == OLD
    assert change(glpi_server, created["id"], name="printer jam again").status_code == 200
    updated = ticket(glpi_server, created["id"])
    assert updated["date_mod"] > OLD and updated["users_id_lastupdater"] == 7
    assert glpi_server.get(f"/Ticket/{created['id']}").headers["Last-Modified"].endswith("GMT")


def test_status_sets_and_clears_the_solve_and_close_dates(glpi_server):
    created = create(glpi_server)
    for status in (2, 3, 4):
        assert change(glpi_server, created["id"], status=status).status_code == 200
        assert ticket(glpi_server, created["id"])["solvedate"] is None
    change(glpi_server, created["id"], status=5)
    solved = ticket(glpi_server, created["id"])
    assert solved["status"] == 5 and solved["solvedate"] and solved["closedate"] is None
    change(glpi_server, created["id"], status=6)
    closed = ticket(glpi_server, created["id"])
    assert closed["closedate"] and closed["solvedate"] == solved["solvedate"]
    change(glpi_server, created["id"], status=2)
    reopened = ticket(glpi_server, created["id"])
    assert (reopened["status"], reopened["solvedate"], reopened["closedate"]) == (2, None, None)


def test_a_ticket_created_closed_has_both_dates(glpi_server):
    created = create(glpi_server, status=6)
    assert created["closedate"] and created["solvedate"]


def test_content_is_escaped_unless_the_client_asks_for_raw_text(glpi_server):
    created = create(glpi_server)
    assert created["content"] == "<p>Tray 2 & 3</p>"
    escaped = glpi_server.get(f"/Ticket/{created['id']}").json()["content"]
    assert escaped == "&#60;p&#62;Tray 2 &#38; 3&#60;/p&#62;" == sanitized(created["content"])


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"status": 9}, "Invalid status “9”"),
        ({"status": "solved"}, "Invalid value “solved” for the field status"),
        ({"priority": 7}, "Invalid priority “7”"),
        ({"type": 3}, "Invalid type “3”"),
    ],
)
def test_bad_values_are_refused_with_a_reason_and_nothing_is_written(glpi_server, values, message):
    before = glpi_server.rows("Ticket")
    added = glpi_server.post("/Ticket", json={"input": {"name": "bad", **values}})
    assert added.status_code == 400
    assert added.json()[0] == "ERROR_GLPI_ADD" and added.json()[1].startswith(message)
    updated = change(glpi_server, 1, **values)
    assert updated.status_code == 400
    assert updated.json()[0] == "ERROR_GLPI_UPDATE" and updated.json()[1].startswith(message)
    assert glpi_server.rows("Ticket") == before


def test_an_urgency_or_impact_outside_the_scale_is_medium_on_add_and_refused_on_update(glpi_server):
    created = create(glpi_server, urgency=0, impact=6)
    assert (created["urgency"], created["impact"], created["priority"]) == (3, 3, 3)
    for field, value in (("urgency", 0), ("impact", 6)):
        answer = change(glpi_server, created["id"], **{field: value})
        assert answer.status_code == 400
        assert answer.json() == [
            "ERROR_GLPI_UPDATE",
            f"Invalid {field} “{value}”: expected one of 1, 2, 3, 4, 5",
        ]
    assert ticket(glpi_server, created["id"])["urgency"] == 3


def test_an_unknown_ticket(glpi_server):
    assert glpi_server.get("/Ticket/999").json() == ["ERROR_ITEM_NOT_FOUND", "Item not found"]
    assert glpi_server.get("/Ticket/999").status_code == 404
    assert change(glpi_server, 999, status=2).json() == ["ERROR_GLPI_UPDATE", "Item not found"]
    assert glpi_server.get("/Ticket/999/ITILFollowup").status_code == 404


# 2. Followups, solutions, linked items and documents --------------------------------------------------


def test_a_followup_is_listed_under_its_ticket_and_touches_it(glpi_server):
    age(glpi_server, 1)
    added = glpi_server.post(
        "/ITILFollowup",
        json={"input": {"itemtype": "Ticket", "items_id": 1, "content": "<b>Rebooted</b>", "is_private": 1}},
    )
    assert added.status_code == 201, added.text
    listed = glpi_server.get("/Ticket/1/ITILFollowup", headers=RAW)
    assert listed.status_code == 200 and listed.headers["Content-Range"] == "0-1/2"
    seeded, new = listed.json()
    assert seeded["content"] == "<p>Cleaned the temp folder.</p>" and seeded["users_id"] == 2
    assert (new["itemtype"], new["items_id"], new["content"], new["users_id"], new["is_private"]) == (
        "Ticket",
        1,
        "<b>Rebooted</b>",
        7,
        1,
    )
    assert new["date"] and new["date_creation"]
    assert ticket(glpi_server, 1)["date_mod"] > OLD
    assert glpi_server.get("/Ticket/1/ITILFollowup").json()[1]["content"] == "&#60;b&#62;Rebooted&#60;/b&#62;"


def test_editing_a_followup_touches_its_ticket_and_a_no_op_does_not(glpi_server):
    age(glpi_server, 1)
    assert glpi_server.put("/ITILFollowup/1", json={"input": {"is_private": 0}}).status_code == 200
    assert ticket(glpi_server, 1)["date_mod"] == OLD
    assert glpi_server.put("/ITILFollowup/1", json={"input": {"content": "Emptied it"}}).status_code == 200
    assert ticket(glpi_server, 1)["date_mod"] > OLD


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"itemtype": "Ticket", "items_id": 999}, "The linked Ticket 999 does not exist"),
        ({"itemtype": "Computer", "items_id": 1}, "Invalid itemtype “Computer”"),
        ({"itemtype": "Nothing", "items_id": 1}, "Unknown itemtype “Nothing”"),
    ],
)
def test_a_followup_needs_an_existing_ticket(glpi_server, values, message):
    answer = glpi_server.post("/ITILFollowup", json={"input": {**values, "content": "lost"}})
    assert answer.status_code == 400 and answer.json()[0] == "ERROR_GLPI_ADD"
    assert answer.json()[1].startswith(message)
    assert len(glpi_server.rows("ITILFollowup")) == 1


def test_a_solution_solves_the_ticket_once(glpi_server):
    age(glpi_server, 1)
    solution = {"itemtype": "Ticket", "items_id": 1, "content": "Extended the disk"}
    added = glpi_server.post("/ITILSolution", json={"input": solution})
    assert added.status_code == 201, added.text
    solved = ticket(glpi_server, 1)
    assert solved["status"] == 5 and solved["solvedate"] and solved["date_mod"] > OLD
    (listed,) = glpi_server.get("/Ticket/1/ITILSolution").json()
    assert (listed["content"], listed["users_id"], listed["status"]) == ("Extended the disk", 7, 2)
    again = glpi_server.post("/ITILSolution", json={"input": solution})
    assert again.status_code == 400 and "already solved" in again.json()[1]
    missing = glpi_server.post("/ITILSolution", json={"input": {**solution, "items_id": 999}})
    assert missing.json() == ["ERROR_GLPI_ADD", "The linked Ticket 999 does not exist"]
    assert len(glpi_server.rows("ITILSolution")) == 1


def test_items_link_to_a_ticket(glpi_server):
    age(glpi_server, 1)
    link = {"tickets_id": 1, "itemtype": "Computer", "items_id": 3}
    assert glpi_server.post("/Item_Ticket", json={"input": link}).status_code == 201
    assert ticket(glpi_server, 1)["date_mod"] > OLD
    listed = glpi_server.get("/Ticket/1/Item_Ticket").json()
    assert [(r["itemtype"], r["items_id"]) for r in listed] == [("Computer", 1), ("Computer", 3)]
    duplicate = glpi_server.post("/Item_Ticket", json={"input": link})
    assert duplicate.status_code == 400 and "already exists" in duplicate.json()[1]
    missing = glpi_server.post("/Item_Ticket", json={"input": {**link, "items_id": 999}})
    assert missing.json() == ["ERROR_GLPI_ADD", "The linked Computer 999 does not exist"]
    computer = glpi_server.get("/Computer/3", params={"with_tickets": "true"}).json()
    assert [t["id"] for t in computer["_tickets"]] == [1]


def test_a_document_uploaded_for_a_ticket_is_linked_to_it(glpi_server):
    age(glpi_server, 1)
    manifest = {"input": {"name": "screenshot", "itemtype": "Ticket", "items_id": 1}}
    answer = glpi_server.post(
        "/Document",
        data={"uploadManifest": json.dumps(manifest)},
        files={"filename[0]": ("screen.png", b"\x89PNG fake", "image/png")},
    )
    assert answer.status_code == 201, answer.text
    document_id = answer.json()["id"]
    (link,) = glpi_server.get("/Ticket/1/Document_Item").json()
    assert (link["documents_id"], link["itemtype"], link["items_id"]) == (document_id, "Ticket", 1)
    assert ticket(glpi_server, 1)["date_mod"] > OLD
    downloaded = glpi_server.get(f"/Document/{document_id}", headers={"Accept": "application/octet-stream"})
    assert downloaded.content == b"\x89PNG fake"


def test_a_document_for_a_missing_ticket_is_not_kept(glpi_server):
    manifest = {"input": {"name": "orphan", "itemtype": "Ticket", "items_id": 999}}
    answer = glpi_server.post(
        "/Document",
        data={"uploadManifest": json.dumps(manifest)},
        files={"filename[0]": ("a.txt", b"x", "text/plain")},
    )
    assert answer.json() == ["ERROR_GLPI_ADD", "The linked Ticket 999 does not exist"]
    assert glpi_server.rows("Document") == [] and glpi_server.rows("Document_Item") == []


# 3. Reading tickets incrementally ---------------------------------------------------------------------


def test_search_reads_tickets_changed_since_a_watermark(glpi_server):
    first, second = create(glpi_server, name="one"), create(glpi_server, name="two")
    store = glpi_server.glpi.store
    for row_id, stamp in ((1, "2026-01-05 10:15:00"), (first["id"], "2026-02-01 08:00:00")):
        store.put("Ticket", {**store.item("Ticket", row_id), "date_mod": stamp})
    store.put("Ticket", {**store.item("Ticket", second["id"]), "date_mod": "2026-03-01 08:00:00"})
    params = {
        "criteria[0][field]": "19",
        "criteria[0][searchtype]": "morethan",
        "criteria[0][value]": "2026-01-31 00:00:00",
        "forcedisplay[0]": "12",
        "forcedisplay[1]": "3",
        "sort": "19",
        "order": "ASC",
        "range": "0-0",
    }
    page = glpi_server.get("/search/Ticket", params=params)
    assert page.status_code == 206 and page.headers["Content-Range"] == "0-0/2"
    (row,) = page.json()["data"]
    assert (row["2"], row["19"], row["12"], row["3"]) == (first["id"], "2026-02-01 08:00:00", 1, 3)
    rest = glpi_server.get("/search/Ticket", params={**params, "range": "1-1"}).json()
    assert [r["2"] for r in rest["data"]] == [second["id"]]
    later = {**params, "criteria[0][value]": "2026-03-01 08:00:00"}
    assert "data" not in glpi_server.get("/search/Ticket", params=later).json()


def test_ticket_search_options_name_the_dates_and_category(glpi_server):
    options = glpi_server.get("/listSearchOptions/Ticket").json()
    assert {n: options[n]["field"] for n in ("7", "12", "16", "17", "19")} == {
        "7": "completename",
        "12": "status",
        "16": "closedate",
        "17": "solvedate",
        "19": "date_mod",
    }
    found = glpi_server.get(
        "/search/Ticket",
        params={"criteria[0][field]": "7", "criteria[0][searchtype]": "equals", "criteria[0][value]": "1"},
    )
    assert [r["7"] for r in found.json()["data"]] == ["Hardware"]
