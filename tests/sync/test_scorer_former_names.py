"""Products under their former names and their makers' (issue 19, sync/data/aliases.yaml), from the blind
sets of a grain group, a shipping line, a housing corporation, an abattoir, a water utility, a copper miner
and a ferry line (255 to 268)."""

from sync.matching import Item
from tests.sync.scoring import assert_read_as


def test_a_grain_groups_and_a_shipping_lines_software_under_their_former_names_and_makers():
    """Sets 255 and 256: Kaspersky Administration Kit (Kaspersky Security Center since 2010), Myteam (VK
    Teams since 2022), Ideco UTM (Ideco NGFW since 2023), СБИС (Tensor's Saby since 2023), Veeam Endpoint
    Backup (Veeam Agent for Microsoft Windows since 2016), RMS Express (Winlink Express since 2015), MaxSea
    TimeZero (TimeZero since 2018), Cat ET and Rhino as their users name them, and DNV GL (DNV since 2021)."""
    products = [
        Item("ksc", "Kaspersky Security Center", "", "Kaspersky"),
        Item("vk", "VK Teams", "", "VK"),
        Item("ideco", "Ideco NGFW", "", "Ideco"),
        Item("saby", "Tensor Saby", "", "Tensor"),
        Item("veeam", "Veeam Agent for Microsoft Windows", "", "Veeam"),
        Item("winlink", "Winlink Express", "", "Winlink Development Team"),
        Item("tz", "TimeZero Navigator", "", "TimeZero"),
        Item("cat", "Caterpillar Cat Electronic Technician", "", "Caterpillar"),
        Item("rhino", "Rhinoceros 8", "8", "Robert McNeel & Associates"),
        Item("ship", "DNV ShipManager Technical", "", "DNV"),
    ]
    installs = [
        ("Kaspersky Administration Kit", "8.0.2134", "Kaspersky Lab", "ksc"),
        ("Myteam", "10.0.9750", "Mail.Ru Group", "vk"),
        ("Ideco UTM", "", "Ideco", "ideco"),
        ("СБИС", "", "Тензор", "saby"),
        ("Veeam Endpoint Backup FREE", "1.5.0.306", "Veeam Software AG", "veeam"),
        ("RMS Express", "1.5.30.0", "Winlink Development Team", "winlink"),
        ("MaxSea TimeZero Navigator", "3.2.0", "MaxSea International", "tz"),
        ("Cat ET", "", "Caterpillar Inc.", "cat"),
        ("Rhino 8.app", "8.10.24228.13002", "", "rhino"),
        ("DNV GL ShipManager Technical", "2020.2", "DNV GL AS", "ship"),
    ]
    assert_read_as(products, installs)


def test_a_housing_corporations_an_abattoirs_and_a_water_utilitys_software_under_former_names():
    """Sets 259 to 261 and earlier seen sets: SDL (RWS since 2020), Questica Budget (Euna Budget since
    2022), Softline VIP (Sage 300 People), iAuditor (SafetyCulture since 2022), SteelHead Mobile (Riverbed
    Client Accelerator since 2020), Tru-Test (Datamars'), and Power Automate as French installs name it."""
    products = [
        Item("trados", "RWS Trados Studio 2022", "2022", "RWS"),
        Item("euna", "Euna Budget", "", "Euna Solutions"),
        Item("vip", "Sage 300 People", "", "Sage"),
        Item("sc", "SafetyCulture", "", "SafetyCulture"),
        Item("rb", "Riverbed Client Accelerator", "", "Riverbed"),
        Item("dl", "Datamars Data Link", "", "Datamars"),
        Item("pad", "Microsoft Power Automate for desktop", "", "Microsoft"),
    ]
    installs = [
        ("SDL Trados Studio 2022", "17.0.6.15127", "SDL", "trados"),
        ("Questica Budget", "2023.2", "Questica Ltd.", "euna"),
        ("VIP Premier Payroll", "5.4.1.2", "Softline VIP", "vip"),
        ("iAuditor", "24.35.1", "SafetyCulture Pty Ltd", "sc"),
        ("Riverbed SteelHead Mobile", "6.2.0.120", "Riverbed Technology, Inc.", "rb"),
        ("Datamars Data Link", "4.6.2", "Tru-Test Limited", "dl"),
        ("Power Automate pour le bureau", "2.47.119.24192", "Microsoft Corporation", "pad"),
    ]
    assert_read_as(products, installs)


def test_a_copper_miners_and_a_ferry_lines_software_under_former_names_and_in_french():
    """Sets 267, 268 and 271 and earlier seen sets: Gemcom's GEMS, Surpac and Whittle (Dassault Systèmes
    GEOVIA's since 2012), Powel's NetBas (Volue's since 2020), and installs of French Windows: a "Pilote" (driver), a "Moteur de base de
    données" (database engine), a JRE "avec" (with) Hotspot."""
    products = [
        Item("gems", "GEOVIA GEMS 6", "6", "Dassault Systemes"),
        Item("whittle", "Dassault Systemes GEOVIA Whittle", "", "Dassault Systemes"),
        Item("odbc", "Microsoft ODBC Driver 18 for SQL Server", "18", "Microsoft"),
        Item("ace", "Microsoft Access Database Engine 2016", "2016", "Microsoft"),
        Item("jre", "Eclipse Temurin 17", "17", "Eclipse Adoptium"),
        Item("netbas", "Volue NetBas", "", "Volue"),
    ]
    installs = [
        ("Gemcom GEMS 6.8.4", "6.8.4.1", "Gemcom Software International Inc.", "gems"),
        ("Gemcom Whittle 4.7", "4.7.4", "Gemcom Software International Inc.", "whittle"),
        ("Pilote Microsoft ODBC 18 pour SQL Server", "18.4.1.1", "Microsoft Corporation", "odbc"),
        ("Moteur de base de données Microsoft Access 2016", "16.0.5044.1000", "Microsoft Corporation", "ace"),
        ("Eclipse Temurin JRE avec Hotspot 17.0.12+7 (x64)", "17.0.12.7", "Eclipse Adoptium", "jre"),
        ("Powel NetBas 11", "11.2.3", "Powel AS", "netbas"),
    ]
    assert_read_as(products, installs)
