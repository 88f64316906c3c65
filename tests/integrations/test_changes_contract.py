"""The change contract's verdict, and platforms without change requests."""

import pytest

from integrations.base.changes import ChangeState, verdict
from integrations.base.errors import Unsupported
from integrations.base.platform import platform_named


def state(code: str, approval: str = "not requested") -> ChangeState:
    return ChangeState("s", "CHG1", "normal", code, "", approval)


@pytest.mark.parametrize(
    ("code", "approval", "expected"),
    [
        ("-5", "not requested", "wait"),
        ("-4", "requested", "wait"),
        ("-3", "requested", "wait"),
        ("-3", "approved", "proceed"),
        ("-2", "approved", "proceed"),
        ("-1", "approved", "proceed"),
        ("0", "approved", "proceed"),
        ("3", "approved", "proceed"),
        ("-5", "rejected", "abort"),
        ("4", "requested", "abort"),
        ("4", "approved", "abort"),
    ],
)
def test_the_verdict_of_each_state(code, approval, expected):
    assert verdict(state(code, approval)) == expected


def test_a_platform_without_change_requests_says_so():
    with pytest.raises(Unsupported, match="change requests are not supported"):
        platform_named("glpi").changes(None)
