"""JOIN and RLQUERY parts of encoded queries (issue 20, behaviour 7): they keep only the rows another
table's rows point at, instead of being ignored (which returned every row)."""

import pytest


@pytest.fixture
def people(sandbox):
    """Three users; Ada manages an active group, Bob an inactive one, Cy none. Ada is the caller of two
    incidents, Bob of one."""
    ids = {}
    for name in ("Ada", "Bob", "Cy"):
        user = sandbox.post("/api/now/table/sys_user", json={"user_name": f"rq.{name.lower()}", "name": name})
        ids[name] = user.json()["result"]["sys_id"]
    for group, manager, active in (("Platform", "Ada", "true"), ("Old team", "Bob", "false")):
        sandbox.post(
            "/api/now/table/sys_user_group",
            json={"name": group, "manager": ids[manager], "description": active},
        )
    for caller, text in (("Ada", "VPN down"), ("Ada", "Mail slow"), ("Bob", "Printer jam")):
        sandbox.post("/api/now/table/incident", json={"caller_id": ids[caller], "short_description": text})
    return ids


def user_names(sandbox, query):
    rows = sandbox.table("sys_user", sysparm_query=f"user_nameSTARTSWITHrq.^{query}", sysparm_fields="name")
    return sorted(r["name"] for r in rows)


def test_a_join_keeps_the_rows_the_joined_table_points_at(sandbox, people):
    assert user_names(sandbox, "JOINsys_user.sys_id=sys_user_group.manager!") == ["Ada", "Bob"]
    assert user_names(sandbox, "JOINsys_user.sys_id=sys_user_group.manager!description=true") == ["Ada"]
    # conditions on the joined table are joined by ^^; a later ^ is the queried table's again
    both = "JOINsys_user.sys_id=sys_user_group.manager!description=false^^nameSTARTSWITHOld^name=Bob"
    assert user_names(sandbox, both) == ["Bob"]
    assert user_names(sandbox, "JOINsys_user.sys_id=sys_user_group.manager!description=false^name=Ada") == []


def test_a_join_as_pysnc_builds_it_is_not_ignored(sandbox, people):
    """PySNC's `add_join_query('incident', join_table_field='caller_id')` on sys_user."""
    query = "JOINsys_user.sys_id=incident.caller_id!short_descriptionLIKEprinter"
    assert user_names(sandbox, query) == ["Bob"]


def test_chained_joins_nest_through_the_table_the_first_brought_in(sandbox, people):
    """Managers of a group assigned an incident about mail: the second JOIN's left table is the first's."""
    group = sandbox.table("sys_user_group", sysparm_query="name=Platform")[0]["sys_id"]
    mail = sandbox.table("incident", sysparm_query="short_description=Mail slow")[0]["sys_id"]
    sandbox.patch(f"/api/now/table/incident/{mail}", json={"assignment_group": group})
    query = (
        "JOINsys_user.sys_id=sys_user_group.manager!^"
        "JOINsys_user_group.sys_id=incident.assignment_group!short_descriptionLIKEmail"
    )
    assert user_names(sandbox, query) == ["Ada"]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (">=1", ["Ada", "Bob"]),
        (">1", ["Ada"]),
        ("=0", ["Cy"]),
        ("<2", ["Bob", "Cy"]),
        ("=1", ["Bob"]),
    ],
)
def test_a_related_list_query_counts_the_rows_pointing_back(sandbox, people, condition, expected):
    assert user_names(sandbox, f"RLQUERYincident.caller_id,{condition}^ENDRLQUERY") == expected


def test_a_related_list_query_filters_the_related_rows_and_dot_walks_with_m2m(sandbox, people):
    assert user_names(sandbox, "RLQUERYincident.caller_id,>=1^short_descriptionLIKEvpn^ENDRLQUERY") == ["Ada"]
    # conditions after ^ENDRLQUERY are the queried table's again
    after = "RLQUERYincident.caller_id,>=1^ENDRLQUERY^name=Bob"
    assert user_names(sandbox, after) == ["Bob"]
    # a many-to-many style query dot-walks from the related row (PySNC's add_rl_query(..., True))
    groups = sandbox.table(
        "sys_user",
        sysparm_query="RLQUERYsys_user_group.manager,>0,m2m^manager.name=Bob^ENDRLQUERY",
        sysparm_fields="name",
    )
    assert [g["name"] for g in groups] == ["Bob"]
