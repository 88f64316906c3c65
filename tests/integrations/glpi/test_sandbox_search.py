"""listSearchOptions with uids and the search engine of the GLPI sandbox on the wire: criteria (nested,
with links), forcedisplay, sort/order, range with totalcount and Content-Range, no `data` key when
nothing matches, withindexes, uid_cols, and the validation errors."""

import pytest

from .conftest import add_computers

DISPLAY = {"forcedisplay[0]": "4", "forcedisplay[1]": "23", "forcedisplay[2]": "45", "forcedisplay[3]": "44"}


def criteria(*rules, prefix="criteria") -> dict:
    params = {}
    for i, rule in enumerate(rules):
        params.update({f"{prefix}[{i}][{k}]": v for k, v in rule.items()})
    return params


def test_search_options_carry_uids_and_section_headers(glpi_server):
    options = glpi_server.get("/listSearchOptions/Computer").json()
    assert options["common"] == "Characteristics"
    assert options["1"] == {
        "name": "Name",
        "table": "glpi_computers",
        "field": "name",
        "datatype": "itemlink",
        "nosearch": False,
        "nodisplay": False,
        "available_searchtypes": ["contains", "notcontains", "equals", "notequals"],
        "uid": "Computer.name",
    }
    uids = {key: o["uid"] for key, o in options.items() if isinstance(o, dict)}
    assert uids["5"] == "Computer.serial" and uids["23"] == "Computer.Manufacturer.name"
    assert uids["45"] == "Computer.Item_OperatingSystem.OperatingSystem.name"
    assert uids["44"] == "Computer.Item_OperatingSystem.licenseid"
    assert uids["130"] == "Computer.Contract.duration" and uids["132"] == "Computer.Contract.begin_date"
    assert (
        "equals" in options["4"]["available_searchtypes"]
        and "under" in options["80"]["available_searchtypes"]
    )
    contract = glpi_server.get("/listSearchOptions/Contract").json()
    assert contract["5"]["field"] == "begin_date" and contract["6"]["field"] == "duration"
    assert glpi_server.get("/listSearchOptions/Spaceship").status_code == 400


def test_criteria_and_forcedisplay(glpi_server):
    answer = glpi_server.get(
        "/search/Computer",
        params={**criteria({"field": "5", "searchtype": "contains", "value": "DE548"}), **DISPLAY},
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Range"] == "0-0/1" and answer.headers["Accept-Range"] == "Computer 1000"
    assert answer.json() == {
        "totalcount": 1,
        "count": 1,
        "sort": [1],
        "order": ["ASC"],
        "data": [
            {
                "1": "srv-0009",
                "80": "Root entity &#62; Portfolio Bridge",
                "4": "Server",
                "23": "Dell",
                "45": "Windows Server",
                "44": "00430-64269-15962-AA009",
                "5": "DE54800838",
                "2": 1,
            }
        ],
        "content-range": "0-0/1",
    }


def test_nothing_found_has_no_data_key(glpi_server):
    answer = glpi_server.get(
        "/search/Computer", params=criteria({"field": "1", "searchtype": "contains", "value": "zzz"})
    )
    assert answer.status_code == 200 and "Content-Range" not in answer.headers
    body = answer.json()
    assert body["totalcount"] == 0 and body["count"] == 0 and "data" not in body
    assert body["content-range"] == "0-0/0"


def test_searchtypes_links_and_nesting(glpi_server):
    def names(*rules) -> list[str]:
        body = glpi_server.get("/search/Computer", params={**criteria(*rules), "range": "0-99"}).json()
        return [row["1"] for row in body.get("data", [])]

    assert names({"field": "4", "searchtype": "equals", "value": "2"}) == ["ec2-0002", "vm-0004"]
    assert names(
        {"field": "1", "searchtype": "contains", "value": "^srv"},
        {"link": "AND NOT", "field": "80", "searchtype": "equals", "value": "0"},
    ) == ["srv-0009"]
    assert names(
        {"field": "23", "searchtype": "contains", "value": "hpe$"},
        {"link": "OR", "field": "1", "searchtype": "contains", "value": "ws-"},
    ) == [
        "legacy-app-host",
        "print-srv-01",
        "srv-0019",
        "ws-finance-07",
    ]
    nested = {
        "criteria[0][field]": "80",
        "criteria[0][searchtype]": "under",
        "criteria[0][value]": "1",
        "criteria[1][link]": "AND",
        "criteria[1][criteria][0][field]": "5",
        "criteria[1][criteria][0][searchtype]": "contains",
        "criteria[1][criteria][0][value]": "^VM",
        "criteria[1][criteria][1][link]": "OR",
        "criteria[1][criteria][1][field]": "29",
        "criteria[1][criteria][1][searchtype]": "contains",
        "criteria[1][criteria][1][value]": "ProSupport",
    }
    body = glpi_server.get("/search/Computer", params=nested).json()
    assert [row["1"] for row in body["data"]] == ["srv-0009", "vm-0004"]
    assert names({"field": "5", "searchtype": "contains", "value": "NULL"}) == ["ec2-0002", "srv-0019"]
    assert names({"field": "130", "searchtype": "morethan", "value": "24"}) == ["srv-0009"]


def test_contract_values_on_computers(glpi_server):
    params = {
        **criteria({"field": "2", "searchtype": "equals", "value": "1"}),
        "forcedisplay[0]": "130",
        "forcedisplay[1]": "132",
        "forcedisplay[2]": "134",
    }
    (row,) = glpi_server.get("/search/Computer", params=params).json()["data"]
    assert (row["130"], row["132"], row["134"]) == (36, "2024-01-01", "2026-12-31")


def test_range_sort_and_totals(glpi_server):
    add_computers(glpi_server, 120)
    params = {
        **criteria({"field": "1", "searchtype": "contains", "value": "^bulk-"}),
        "range": "100-149",
        "sort": "1",
        "order": "DESC",
    }
    answer = glpi_server.get("/search/Computer", params=params)
    body = answer.json()
    assert answer.status_code == 206 and answer.headers["Content-Range"] == "100-119/120"
    assert body["totalcount"] == 120 and body["count"] == 20 and body["content-range"] == "100-119/120"
    assert body["order"] == ["DESC"] and body["data"][0]["1"] == "bulk-019"
    default = glpi_server.get("/search/Computer").json()
    assert default["count"] == 15 and default["totalcount"] == 127


def test_withindexes_and_uid_cols(glpi_server):
    rule = criteria({"field": "1", "searchtype": "equals", "value": "vm-0004"})
    indexed = glpi_server.get("/search/Computer", params={**rule, "withindexes": "true"}).json()["data"]
    assert list(indexed) == ["3"] and indexed["3"]["1"] == "vm-0004"
    by_uid = glpi_server.get("/search/Computer", params={**rule, "uid_cols": "true"}).json()["data"]
    assert by_uid == [
        {
            "Computer.name": "vm-0004",
            "Computer.Entity.completename": "Root entity &#62; Portfolio Bridge",
            "Computer.id": 3,
        }
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (criteria({"field": "1", "searchtype": "contains"}), "Malformed search criteria"),
        (
            criteria({"field": "999", "searchtype": "contains", "value": "x"}),
            "Bad field ID in search criteria",
        ),
        ({"forcedisplay[0]": "999"}, "Bad field ID in forcedisplay"),
        ({"range": "x"}, "range must be in format : [start-end] with integers"),
        ({"order": "sideways"}, "order must be DESC or ASC"),
    ],
)
def test_bad_searches_are_400(glpi_server, params, message):
    answer = glpi_server.get("/search/Computer", params=params)
    assert answer.status_code == 400
    assert answer.json()[0] == "ERROR" and answer.json()[1].startswith(message)


def test_search_on_other_itemtypes(glpi_server):
    contracts = glpi_server.get(
        "/search/Contract", params={"forcedisplay[0]": "5", "forcedisplay[1]": "6", "forcedisplay[2]": "20"}
    ).json()
    assert contracts["data"] == [
        {
            "1": "Dell ProSupport srv-0009",
            "80": "Root entity &#62; Portfolio Bridge",
            "5": "2024-01-01",
            "6": 36,
            "20": "2026-12-31",
            "2": 1,
        }
    ]
    systems = glpi_server.get(
        "/search/OperatingSystem",
        params=criteria({"field": "1", "searchtype": "equals", "value": "Windows Server"}),
    ).json()
    assert systems["data"] == [{"1": "Windows Server", "2": 1}]


def test_several_linked_values_come_back_as_a_list(glpi_server):
    second = glpi_server.post(
        "/Contract", json={"input": {"name": "Extended warranty", "entities_id": 1}}
    ).json()
    glpi_server.post(
        "/Contract_Item",
        json={"input": {"contracts_id": second["id"], "itemtype": "Computer", "items_id": 1}},
    )
    params = {**criteria({"field": "2", "searchtype": "equals", "value": "1"}), "forcedisplay[0]": "29"}
    (row,) = glpi_server.get("/search/Computer", params=params).json()["data"]
    assert row["29"] == ["Dell ProSupport srv-0009", "Extended warranty"]
