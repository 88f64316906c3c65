"""Two manufacturers told apart (issue 19, sync.match_makers): a target made by another maker than the
portfolio record's is only suggested. Each test names a rule, not a labelled case."""

from sync.match_makers import maker_words, other_maker, without_maker
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest

MODELS = [
    Item("syn", "Synectics Synergy", "", "Synectics"),
    Item("tools", "VMware Tools", "", "Broadcom"),
    Item("zip", "7-Zip", "", "7-Zip"),
    Item("jdk", "Java SE 8", "8", "Oracle Corporation"),  # a runtime install is no "Development Kit"
]


def picked(name: str, version: str, maker: str) -> str:
    found = suggest([Item("l", name, version, maker)], MODELS, versioned=True)["l"]
    chosen = preselect(found, PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_a_makers_legal_words_are_no_maker():
    assert maker_words("Oracle America, Inc.") == ("oracle", "america")
    assert maker_words("Cisco Systems GmbH") == ("cisco",)
    assert not other_maker("Microsoft Corporation", (), "Microsoft", ())
    assert other_maker("Symless Ltd", ("synergy",), "Synectics Ltd", ("synectic", "synergy"))


def test_one_maker_written_two_ways_is_no_other_maker():
    for mine, theirs in (
        ("Hewlett Packard Enterprise", "HPE"),  # its initials
        ("IBM", "International Business Machines"),
        ("BNL Digital", "Brightwater National Lottery plc"),  # its initials first, then its unit's word
        ("Ubuntu Developers", "F5"),  # a packager of nginx, not its maker
        ("Omnissa, LLC", "Broadcom"),  # both were VMware
        ("Citrix Systems, Inc.", "Cloud Software Group"),  # Citrix became it
        ("QSR International", "Lumivero"),  # NVivo's maker, renamed
        ("Plantronics, Inc.", "HP Inc."),  # Poly, HP's since 2022
        ("Kronos Incorporated", "UKG Inc."),
        ("LogMeIn, Inc.", "GoTo Group, Inc."),
        ("Physio-Control, Inc.", "Stryker"),
        ("Environmental Systems Research Institute, Inc.", "Esri"),  # its full name
        ("Gael Ltd", "Ideagen"),  # Q-Pulse's maker, bought
        ("Euro Plus d.o.o.", "Loftware"),  # NiceLabel's
        ("MICROS Systems, Inc.", "Oracle Corporation"),
        ("Azteca Systems", "Trimble Inc."),  # Cityworks' maker, bought
        ("Micro Focus", "Open Text Corporation"),  # OpenText, as its legal name writes it
        ("Refinitiv", "London Stock Exchange Group"),
        ("Gemalto", "Thales"),  # SafeNet's maker, bought
        ("conda-forge", "Project Jupyter"),  # a channel's build of JupyterLab, not its maker
        ("Pivotal Software, Inc.", "Broadcom"),  # RabbitMQ's, VMware's in 2019
        ("Univa Corporation", "Altair Engineering"),  # Grid Engine's, bought in 2020
        ("Cadent Inc.", "Align Technology"),  # OrthoCAD's
        ("PFU Limited", "Ricoh"),  # ScanSnap's
        ("StorageCraft Technology Corporation", "Arcserve"),
        ("NodeSource", "OpenJS Foundation"),  # Node.js as its deb and rpm repositories publish it
        ("NewTek, Inc.", "Vizrt"),  # TriCaster's, Vizrt's since 2019
        ("Fusion Sport Pty Ltd", "Teamworks"),  # Smartabase's
        ("S.W.I.F.T. SC", "SWIFT"),  # its initials with dots
        ("PUC-PR", "PUCPR"),  # one name, written apart and together
    ):
        assert not other_maker(mine, (), theirs, ()), (mine, theirs)
    assert other_maker("Azul Systems", (), "Oracle", ())
    assert other_maker("Red Box Recorders Ltd", (), "IBM", ())  # a packager is named whole: Red Hat
    assert other_maker("TCS Consultancy Services", (), "Oracle", ())  # its own initials name no other maker
    assert other_maker("VI", (), "Viavi Instruments", ())  # two letters are no maker's initials


def test_a_product_of_one_name_made_by_another_maker_is_only_suggested():
    found = suggest([Item("l", "Synergy 1", "1.14.6", "Symless")], MODELS, versioned=True)["l"]
    assert found[0].target_id == "syn" and not found[0].preselectable
    assert "made by Synectics, yours by Symless: suggested, never pre-selected" in found[0].reasons
    assert picked("Synergy", "", "Synectics Ltd") == "syn"  # its maker, however written
    assert picked("Synergy", "", "") == "syn"  # no maker given: the name decides, as before


def test_a_maker_the_other_names_or_a_former_name_is_the_same_maker():
    assert picked("VMware Tools", "12.3.5", "VMware, Inc.") == "tools"  # named in the target's name
    assert picked("7-Zip 23.01 (x64)", "23.01", "Igor Pavlov") == "zip"  # its maker named in yours
    assert picked("Java 8 Update 45", "8.0.450", "Sun Microsystems") == "jdk"  # Oracle's now
    assert picked("Java 8 Update 45", "8.0.450", "Azul Systems") == ""  # another maker's Java
    pi = [Item("pi", "AVEVA PI Server", "", "AVEVA")]  # the PI System, OSIsoft's until 2023
    found = suggest(
        [Item("l", "PI Server 2018 SP3 Patch 4", "3.4.435.604", "OSIsoft, LLC")], pi, versioned=True
    )
    assert preselect(found["l"], PRESELECT_AT).target_id == "pi"


def test_makers_bought_or_split_off_are_their_new_owners():
    catalogue = [
        Item("dmo", "Dragon Medical One", "", "Microsoft"),  # Nuance, Microsoft's since 2022
        Item("enc", "Solventum 360 Encompass", "", "Solventum"),  # 3M's health care, Solventum since 2024
        Item("pasx", "Körber PAS-X MES", "3.2", "Körber Pharma Software"),
        Item("syn", "Synchro Studio", "", "Cubic"),
        Item("encase", "OpenText EnCase Forensic", "", "OpenText"),
        Item("axon", "Axon Evidence Sync", "", "Axon Enterprise"),
        Item("star", "Simcenter STAR-CCM+", "", "Siemens Digital Industries Software"),
        Item("axis", "Moody's AXIS", "", "Moody's"),
        Item("prophet", "FIS Prophet Professional", "", "FIS"),
        Item("chrom", "Chromeleon 6", "6", "Thermo Fisher Scientific"),
        Item("gen5", "Gen5", "3", "Agilent Technologies"),
        Item("snap", "SnapGene", "", "Dotmatics"),
        Item("tw", "TrackWise Digital", "", "Honeywell"),
        Item("tri", "Schneider Electric TriStation 1131", "4", "Schneider Electric"),
        Item("onguard", "LenelS2 OnGuard", "8", "LenelS2"),
        Item("mc", "Intuit Mailchimp", "", "Intuit"),
    ]
    for name, version, maker, key in (
        ("Dragon Medical One", "2024.3", "Nuance Communications, Inc.", "dmo"),
        ("Nuance Dragon Medical One", "2023.4.1", "Nuance Communications, Inc.", "dmo"),
        ("3M 360 Encompass", "", "3M Health Information Systems", "enc"),
        ("PAS-X MES", "3.2.4", "Werum IT Solutions GmbH", "pasx"),  # Körber's since 2007
        ("Synchro Studio 12", "12.2.0.29", "Trafficware", "syn"),  # Cubic's since 2018
        ("EnCase Forensic", "8.11.0", "Guidance Software", "encase"),  # OpenText's since 2017
        ("Evidence Sync", "2.7.2", "TASER International, Inc.", "axon"),  # renamed Axon in 2017
        ("STAR-CCM+ 15.04.008", "15.04.008", "CD-adapco", "star"),  # Siemens' since 2016
        ("GGY AXIS", "2023.1", "GGY", "axis"),  # Moody's since 2016
        ("SunGard Prophet Professional", "9.0", "SunGard", "prophet"),  # FIS's since 2015
        ("Chromeleon 6.80 SR15", "6.80.15", "Dionex Corporation", "chrom"),  # Thermo Fisher's since 2011
        ("Thermo Scientific Chromeleon 6.80", "6.80", "Thermo Fisher Scientific Inc.", "chrom"),  # its brand
        ("Gen5 3.14", "3.14", "BioTek Instruments, Inc.", "gen5"),  # Agilent's since 2019
        ("SnapGene 7.2.1", "7.2.1", "GSL Biotech LLC", "snap"),  # Dotmatics' since 2021
        ("Sparta TrackWise Digital", "", "Sparta Systems", "tw"),  # Honeywell's since 2020
        ("TriStation 1131", "4.16.0", "Invensys", "tri"),  # Schneider Electric's since 2014
        ("OnGuard 8.1", "8.1.0.426", "Lenel Systems International", "onguard"),  # LenelS2 since 2018
        ("Mailchimp", "", "The Rocket Science Group", "mc"),  # Intuit's since 2021
    ):
        found = suggest([Item("l", name, version, maker)], catalogue, versioned=True)["l"]
        chosen = preselect(found, PRESELECT_AT)
        assert chosen is not None and chosen.target_id == key, name


def test_a_number_a_makers_name_ends_in_is_no_version_glued_to_it():
    knowbe4 = [Item("pab", "Phish Alert Button", "", "KnowBe4"), Item("py", "Python 3", "3", "Python")]
    found = suggest([Item("l", "KnowBe4 Phish Alert Button", "1.10.13")], knowbe4, versioned=True)["l"]
    assert found[0].target_id == "pab" and found[0].preselectable
    assert found[0].reasons[0] == "same name without the manufacturer (KnowBe4)"
    python = suggest([Item("l", "Python3", "3.12.1")], knowbe4, versioned=True)["l"]  # still a version
    assert python[0].target_id == "py" and python[0].preselectable


def test_a_makers_former_name_before_the_product_is_no_word_of_it():
    mft = [Item("g", "GoAnywhere MFT", "7", "Fortra"), Item("b", "Boomi Atom", "", "Boomi")]
    for name, version, key in (
        ("HelpSystems GoAnywhere MFT", "7.4.1", "g"),
        ("Dell Boomi Atom", "24.09.1", "b"),
    ):
        found = preselect(suggest([Item("l", name, version)], mft, versioned=True)["l"], PRESELECT_AT)
        assert found is not None and found.target_id == key


def test_a_maker_of_the_dictionary_leading_a_name_is_read_off_it():
    assert without_maker("TIBCO Spotfire") == ("Spotfire", "TIBCO")
    assert without_maker("Siemens Digital Industries Software Teamcenter") == (
        "Teamcenter",
        "Siemens Digital Industries Software",
    )
    assert without_maker("TIBCO -") == ("", "")  # nothing left
    assert without_maker("TIBCO") == without_maker("") == ("", "")
    assert without_maker("Contoso Spotfire") == ("", "")  # no maker the dictionary knows


def test_a_name_without_its_makers_word_an_alias_reads_with_it_is_that_product():
    """Set 111: "SAP BW/4HANA" reads through the alias of "SAP BW", which "BW/4HANA", as inventories write
    it without the maker, never fires: the name less the maker's word is read on its own too."""
    catalogue = [Item("bw", "SAP BW/4HANA 2.0", "2.0", "SAP"), Item("s4", "SAP S/4HANA 2022", "2022", "SAP")]
    found = suggest([Item("l", "BW/4HANA 2.0 SP12", "2.0", "SAP")], catalogue, versioned=True)["l"]
    chosen = preselect(found, PRESELECT_AT)
    assert chosen is not None and chosen.target_id == "bw"
    assert chosen.reasons[0] == "same name without the manufacturer (SAP)"

    genesys = [Item("g", "Genesys Cloud", "", "Genesys")]  # "Cloud" is no product without its maker
    assert preselect(suggest([Item("l", "Cloud")], genesys, versioned=True)["l"], PRESELECT_AT) is None


def test_a_name_an_alias_reads_under_its_makers_former_name_is_still_that_maker_s_product():
    """Sets 94, 108, 214: "Omnissa Workspace ONE" reads as VMware's, so the catalogue's "Omnissa Workspace
    ONE Intelligent Hub" was never filed without its maker's word, and the agent's install ("AirWatch Agent",
    the Intelligent Hub by its old name) was only suggested. Three English words are a product's name; one
    ("Cloud") is not."""
    hub = [Item("hub", "Omnissa Workspace ONE Intelligent Hub", "", "Omnissa")]
    for name in ("AirWatch Agent", "Workspace ONE Intelligent Hub", "com.airwatch.androidagent"):
        chosen = preselect(suggest([Item("l", name, "24.04.0", "")], hub, versioned=True)["l"], PRESELECT_AT)
        assert chosen is not None and chosen.reasons[0] == "same name without the manufacturer (Omnissa)"
    # two words of it are no whole name
    found = suggest([Item("l", "Intelligent Hub", "24.04.0")], hub, versioned=True)["l"]
    assert found and preselect(found, PRESELECT_AT) is None
    # nor is another maker's add-in for a product an alias reads ("Webex for Microsoft Outlook") that product
    add_in = [Item("w", "Webex for Microsoft Outlook", "", "Webex")]
    assert (
        preselect(suggest([Item("l", "Outlook", "16.0.1")], add_in, versioned=True)["l"], PRESELECT_AT)
        is None
    )
