"""The mapping schema: the shipped default parses; each kind of bad input names its line and key."""

import pytest

from tickets.mapping import ConflictPolicy, Direction, MappingError, default_mapping_text, parse
from tickets.yaml_lines import MAX_BYTES

GOOD = """\
version: 1
conflict_policy: manual
fields:
  - glpi: name
    servicenow: short_description
  - glpi: urgency
    servicenow: urgency
    direction: glpi_to_sn
    transform: urgency
values:
  urgency:
    glpi_to_sn: {1: 3, 2: 3, 3: 2, 4: 1, 5: 1}
    sn_to_glpi: {1: 4, 2: 3, 3: 2}
"""


def error_of(text: str) -> MappingError:
    with pytest.raises(MappingError) as caught:
        parse(text)
    return caught.value


def test_the_default_mapping_parses_into_what_the_engine_reads():
    mapping = parse(default_mapping_text())
    assert mapping.conflict_policy is ConflictPolicy.NEWER_WINS
    by_glpi = {rule.glpi: rule for rule in mapping.fields}
    assert by_glpi["name"].servicenow == "short_description"
    assert by_glpi["status"].transform == "status"
    assert mapping.values["status"].glpi_to_sn[5] == "6"
    assert mapping.values["status"].sn_to_glpi["3"] == 4
    assert mapping.servicenow_defaults["assignment_group"] == "Service Desk"
    assert mapping.scope.servicenow_query == "active=true"
    assert "priority" not in {rule.servicenow for rule in mapping.written_to("servicenow")}


def test_choice_values_read_as_numbers_become_servicenow_text_and_directions_default_to_both():
    mapping = parse(GOOD)
    assert mapping.conflict_policy is ConflictPolicy.MANUAL
    assert mapping.fields[0].direction is Direction.BOTH
    assert mapping.values["urgency"].glpi_to_sn == {1: "3", 2: "3", 3: "2", 4: "1", 5: "1"}
    assert mapping.values["urgency"].sn_to_glpi == {"1": 4, "2": 3, "3": 2}
    assert [r.glpi for r in mapping.written_to("glpi")] == ["name"]


def test_the_parsed_mapping_cannot_be_changed():
    mapping = parse(GOOD)
    with pytest.raises(AttributeError):
        mapping.conflict_policy = ConflictPolicy.GLPI_WINS
    with pytest.raises(TypeError):
        mapping.values["urgency"].glpi_to_sn[1] = "1"


@pytest.mark.parametrize(
    ("text", "line", "key", "says"),
    [
        (
            GOOD.replace("direction: glpi_to_sn", "direction: sideways"),
            8,
            "fields[1].direction",
            "use one of glpi_to_sn, sn_to_glpi, both",
        ),
        (
            GOOD.replace("conflict_policy: manual", "conflict_policy: loudest"),
            2,
            "conflict_policy",
            "newer_wins, glpi_wins, servicenow_wins, manual",
        ),
        (GOOD.replace("    servicenow: short_description\n", ""), 4, "fields[0]", "missing key servicenow"),
        (GOOD.replace("transform: urgency", "transform: shout"), 9, "fields[1].transform", "use one of"),
        (GOOD.replace("  urgency:\n", "  colour:\n"), 11, "values.colour", "unknown key"),
        (GOOD.replace("{1: 3, 2: 3,", "{1: 3,"), 12, "values.urgency.glpi_to_sn", "GLPI urgency 2"),
        (GOOD.replace("{1: 4, 2: 3", "{1: 9, 2: 3"), 13, "values.urgency.sn_to_glpi.1", "no such code"),
        (
            GOOD.replace("servicenow: short_description", "servicenow: Short Description"),
            5,
            "fields[0].servicenow",
            "lower-case letters",
        ),
        (GOOD + "colour: blue\n", 14, "colour", "unknown key"),
        (GOOD + "version: 2\n", 14, "version", "appears twice"),
        (GOOD.replace("version: 1", "version: 2"), 1, "version", "only version 1"),
        (GOOD + "scope:\n  glpi:\n    types: [3]\n", 16, "scope.glpi.types[0]", "use one of 1, 2"),
        (GOOD + "fields: oops\n", 14, "fields", "appears twice"),
    ],
)
def test_each_kind_of_mistake_names_its_line_and_key(text, line, key, says):
    error = error_of(text)
    assert (error.line, error.path and str(error).split(": ", 1)[0]) == (line, f"line {line}, {key}")
    assert says in str(error)


def test_servicenow_priority_is_never_written():
    text = GOOD.replace(
        "  - glpi: urgency\n    servicenow: urgency", "  - glpi: urgency\n    servicenow: priority"
    )
    error = error_of(text)
    assert str(error).startswith(
        "line 8, fields[1].direction: ServiceNow computes priority from impact and urgency"
    )
    parse(text.replace("direction: glpi_to_sn", "direction: sn_to_glpi"))  # read into GLPI: allowed


def test_glpi_priority_is_never_written_either():
    text = GOOD.replace("  - glpi: name\n", "  - glpi: priority\n")
    assert "GLPI derives priority from urgency × impact" in str(error_of(text))


def test_a_field_written_twice_on_one_side_is_refused():
    text = GOOD.replace("fields:\n", "fields:\n  - glpi: content\n    servicenow: short_description\n")
    error = error_of(text)
    assert str(error).startswith(
        "line 7, fields[1].servicenow: short_description is already written by fields[0]"
    )


def test_syntax_errors_give_their_line():
    error = error_of("fields:\n  - glpi: name\n    servicenow: [unclosed\nvalues: {}\n")
    assert error.line is not None and error.line >= 3
    assert "not valid YAML" in str(error)


def test_aliases_are_refused_before_they_expand():
    error = error_of("a: &x [1, 2]\nb: *x\n")
    assert str(error) == "line 2, b: anchors and aliases (&, *) are not allowed."


def test_python_tags_are_not_executed():
    assert "not valid YAML" in str(error_of("fields: !!python/object/apply:os.system ['true']\n"))


def test_size_is_capped_before_parsing():
    text = GOOD + "#" * MAX_BYTES
    assert str(error_of(text)) == "the mapping is larger than 64 KB."


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[]\n", "just text\n"])
def test_empty_or_not_a_mapping(text):
    assert "mapping" in str(error_of(text)) or "empty" in str(error_of(text))
