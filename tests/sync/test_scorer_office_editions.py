"""Microsoft's editions and licence plans (issue 19, sync.match_editions): an install of Office's
"Professional Plus" is the catalogue's Office of its year where the catalogue records no edition, but an
install that gives no edition is no record of Professional Plus where it is one edition of several; "P1"
and "Premium P2" are plans of the product a catalogue records without one."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest


def chosen(name: str, targets: list[Item], version: str) -> str:
    pick = preselect(suggest([Item("l", name, version)], targets, versioned=True)["l"], PRESELECT_AT)
    return pick.name if pick else ""


def test_professional_plus_is_an_edition_of_the_office_a_catalogue_records_without_one():
    """The seen sets' misses: "Microsoft Office Professional Plus 2016", as Windows lists it in English,
    French or Russian, for a catalogue's "Microsoft Office 2016", "… LTSC Professional Plus 2021" for its
    "Microsoft Office LTSC 2021"."""
    office = [
        Item("2016", "Microsoft Office 2016", "2016", "Microsoft"),
        Item("ltsc", "Microsoft Office LTSC 2021", "2021", "Microsoft"),
    ]
    for name in (
        "Microsoft Office Professional Plus 2016",
        "Microsoft Office Professionnel Plus 2016",
        "Microsoft Office профессиональный плюс 2016",
    ):
        assert chosen(name, office, "16.0.4266.1001") == "Microsoft Office 2016"
    assert chosen("Microsoft Office LTSC Professional Plus 2021 - en-us", office, "16.0.14332.20615") == (
        "Microsoft Office LTSC 2021"
    )
    assert chosen("Microsoft Office Plus 2016", office, "16.0.4266.1001") == ""  # no edition of Office


def test_an_install_without_an_edition_is_no_record_of_professional_plus_alone():
    """ "Microsoft Office 2019" may be Home and Business: the catalogue's Professional Plus is suggested;
    a Spanish "Profesional Plus" is still that edition, not the Standard one beside it."""
    pro_plus = [Item("pp", "Microsoft Office Professional Plus 2019", "2019", "Microsoft")]
    assert chosen("Microsoft Office 2019", pro_plus, "16.0.10827.20138") == ""
    assert chosen("Microsoft Office Professional Plus 2019", pro_plus, "16.0.10827.20138") == (
        "Microsoft Office Professional Plus 2019"
    )
    two = [
        Item("pp", "Microsoft Office Professional Plus 2016", "2016", "Microsoft"),
        Item("std", "Microsoft Office Standard 2016", "2016", "Microsoft"),
    ]
    assert chosen("Microsoft Office Profesional Plus 2016 - es-es", two, "16.0.4266.1001") == (
        "Microsoft Office Professional Plus 2016"
    )
    assert chosen("Microsoft Office 2016", two, "16.0.4266.1001") == ""
    retail = [
        Item("pro", "Microsoft Office Professional 2016", "2016", "Microsoft"),
        Item("std", "Microsoft Office Standard 2016", "2016", "Microsoft"),
    ]
    assert chosen("Microsoft Office Professional Plus 2016", retail, "16.0.4266.1001") == ""  # no retail one
    builds = [
        Item("pp", "Microsoft Office Professional Plus 2016", "2016", "Microsoft"),
        Item("x64", "Microsoft Office Professional Plus 2016 (x64)", "2016", "Microsoft"),
    ]
    assert chosen("Microsoft Office 2016", builds, "16.0.4266.1001") == ""  # one edition, twice
    ccleaner = [Item("c", "CCleaner", "", "Piriform"), Item("p", "CCleaner Professional", "", "Piriform")]
    assert chosen("CCleaner Professional Plus", ccleaner, "6.20") == ""  # Office's edition only


def test_p1_and_premium_p2_are_licence_plans_of_the_product():
    """The seen sets' misses: a SaaS register's "Azure Active Directory Premium P1" is the catalogue's
    "Microsoft Entra ID", as its "Visio Plan 2" is its Visio; a P2 of another product is not."""
    entra = [Item("entra", "Microsoft Entra ID", "", "Microsoft")]
    for name in ("Azure Active Directory Premium P1", "Microsoft Entra ID P2", "Azure AD P1"):
        assert chosen(name, entra, "") == "Microsoft Entra ID"
    aip = [Item("aip", "Microsoft Purview Information Protection", "", "Microsoft")]
    assert chosen("Azure Information Protection P1", aip, "") == "Microsoft Purview Information Protection"
    assert chosen("Contoso Ledger P2", [Item("c", "Contoso Ledger", "", "Contoso")], "") == ""
