"""Parts, editions and release words of software (issue 19, sync.scorer_versions, sync.match_rules): an
install named for a product's client, console or app is that product, and so is one of a product whose
record adds only its maker or the platform it is built for; a server is no edition another name
gives; a season, a protocol's number and "CC" are no words of another product; an Office product id is
its product, and a winget id whose publisher only repeats its product that product. Each test names
a rule."""

from sync.match_appliances import firmware
from sync.match_dictionary import bundled, whole_name
from sync.match_kinds import runtime_or_kit
from sync.match_packages import package_file
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate


def picked(name: str, version: str, models: list[Item]) -> str:
    chosen = preselect(suggest([Item("l", name, version)], models, versioned=True)["l"], PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_an_install_named_for_a_products_client_or_console_is_the_product():
    print_ = [Item("mf", "PaperCut MF", "", "PaperCut Software"), Item("ng", "PaperCut NG", "", "PaperCut")]
    assert picked("PaperCut MF Client", "23.0.7", print_) == "mf"
    found = suggest([Item("l", "PaperCut MF Client", "23.0.7")], print_, versioned=True)["l"][0]
    assert found.reasons[0] == "its whole name, then its client"
    veeam = [
        Item("12", "Veeam Backup & Replication 12", "12"),
        Item("11", "Veeam Backup & Replication 11", "11"),
    ]
    assert picked("Veeam Backup & Replication Console", "12.1.2.172", veeam) == "12"  # its major's
    assert picked("Atlas eMAR Tablet App", "3.2", [Item("a", "Atlas eMAR")]) == "a"
    assert picked("Smartwaiver Kiosk", "", [Item("s", "Smartwaiver")]) == "s"  # its check-in kiosk app
    rooms = [
        Item("r", "Microsoft Teams Rooms", "", "Microsoft"),
        Item("t", "Microsoft Teams", "", "Microsoft"),
    ]
    assert picked("Teams Rooms App", "5.0.111.0", rooms) == "r"  # its app, before the meaning "Teams Rooms"
    sccm = [Item("m", "Microsoft Configuration Manager", "", "Microsoft")]
    found = suggest([Item("l", "Configuration Manager Client", "5.00.9128.1000")], sccm, versioned=True)["l"]
    assert found[0].reasons[0] == "its whole name but its maker (Microsoft), then its client"
    assert found[0].preselectable
    intune = [Item("i", "Microsoft Intune", "", "Microsoft"), Item("e", "Microsoft Edge", "", "Microsoft")]
    assert picked("Microsoft Intune Management Extension", "1.80.102.0", intune) == "i"  # its agent
    jamf = [Item("p", "Jamf Pro", "", "Jamf"), Item("c", "Jamf Connect", "", "Jamf")]
    assert picked("Jamf Self Service.app", "11.4.0", jamf) == "p"  # its app on Macs
    milestone = [Item("x", "Milestone XProtect", "", "Milestone Systems")]  # the kind of client it is
    assert picked("Milestone XProtect Smart Client 2024 R1 (64-bit)", "24.1a", milestone) == "x"
    assert picked("Milestone XProtect Management Client 2023 R3", "23.3a", milestone) == "x"
    spectrum = [Item("s", "Siemens Spectrum Power 5", "5", "Siemens")]  # a control room's operator console
    assert picked("Spectrum Power 5 Operator Console", "5.8", spectrum) == "s"
    assert picked("Autodesk Desktop App", "2.1", [Item("a", "Autodesk", "", "Autodesk")]) == ""  # its own
    project = [Item("o", "Microsoft Project Online", "", "Microsoft")]  # the desktop client comes with a plan
    assert picked("Microsoft Project Online Desktop Client", "16.0.17328.20162", project) == ""
    citrix = [Item("c", "Citrix Endpoint Management", "", "Citrix")]  # a name ending in its kind word
    assert picked("Citrix Endpoint Management Console", "23.9", citrix) == "c"


def test_an_install_named_for_a_products_workstation_is_the_product():
    """A point-of-sale or a control system's operator station: "Oracle Simphony 19.6 Workstation", "DeltaV
    Workstation"; a record named for its workstation keeps its name ("Fiery Command WorkStation Package")."""
    pos = [Item("s", "Oracle Simphony 19", "19", "Oracle"), Item("o", "Oracle OPERA Cloud", "", "Oracle")]
    assert picked("Oracle Simphony 19.6 Workstation", "19.6.0.112", pos) == "s"
    install = Item("l", "Oracle Simphony 19.6 Workstation", "19.6.0.112")
    found = suggest([install], pos, versioned=True)["l"][0]
    assert found.reasons[0] == "its whole name, then its workstation"
    assert picked("DeltaV Workstation", "14.3.1", [Item("d", "Emerson DeltaV 14", "14", "Emerson")]) == "d"
    fiery = [Item("f", "Fiery Command WorkStation", "", "EFI"), Item("x", "Fiery XF", "", "EFI")]
    assert picked("Fiery Command WorkStation Package", "7.0.0.637", fiery) == "f"
    vmware = [Item("v", "VMware", "", "VMware"), Item("h", "VMware Horizon Client 8", "8", "VMware")]
    assert picked("VMware Workstation", "17.5.1", vmware) == ""  # a product of its own, not VMware itself


def test_a_part_the_target_holds_or_a_platforms_app_is_not_the_product():
    sccm = [Item("c", "Configuration Manager Client"), Item("m", "Microsoft Configuration Manager")]
    assert picked("Configuration Manager Client", "5.00.9128.1000", sccm) == "c"  # the part itself
    windows = [Item("w", "Microsoft Windows 11", "11", "Microsoft")]
    assert picked("Windows App", "11.0.6", windows) == ""  # a product of its own
    two = [Item("a", "Acme Suite", "", "Acme"), Item("b", "Acme Suite Pro", "", "Acme")]
    assert picked("Acme Client", "2.0", two) == ""  # no product of that name
    databases = [Item("pg", "PostgreSQL", "16"), Item("o", "Oracle Database", "19c"), Item("k", "Kubernetes")]
    assert picked("postgresql-client", "16.2", databases) == ""  # a database's client: free, apart
    assert picked("Oracle Database Client", "19.0.0", databases) == ""
    assert picked("kubernetes-client", "1.29.2", databases) == ""  # a Linux package of its own
    assert picked("Excel Mobile", "16001.14326", [Item("x", "Microsoft Excel", "", "Microsoft")]) == ""


def test_windows_lists_the_dotnet_desktop_runtime_as_its_own_product():
    desktop = [
        Item("d", ".NET Desktop Runtime 8", "", "Microsoft"),
        Item("w", "Windows Desktop", "", "Microsoft"),
    ]
    assert picked("Microsoft Windows Desktop Runtime - 8.0.8 (x64)", "8.0.8.34017", desktop) == "d"
    assert picked("Microsoft .NET Runtime - 8.0.8 (x64)", "8.0.8.34017", desktop) == ""  # not the desktop's
    plain = [Item("r", "Microsoft .NET Runtime 8", "", "Microsoft")]
    assert picked("Microsoft Windows Desktop Runtime - 8.0.8 (x64)", "8.0.8.34017", plain) == ""
    assert (
        picked("Microsoft .NET Core Runtime - 3.1.32 (x64)", "3.1.32", [Item("c", ".NET Runtime 3")]) == "c"
    )


def test_a_server_is_no_edition_the_other_name_gives_without_one():
    enfocus = [Item("pro", "Enfocus PitStop Pro", "", "Enfocus")]
    assert picked("Enfocus PitStop Server 2023", "23.1", enfocus) == ""  # another product of the name
    assert picked("Enfocus PitStop Pro 2022", "22.0", enfocus) == "pro"
    jamf = [Item("j", "Jamf Pro", "", "Jamf")]
    assert picked("Jamf Pro Server", "11.12.1", jamf) == "j"  # its edition, and its server
    rhel = [Item("r", "Red Hat Enterprise Linux 8", "8", "Red Hat")]
    assert picked("Red Hat Enterprise Linux Server 8.9", "8.9", rhel) == "r"


def test_a_season_a_protocol_and_creative_cloud_are_no_words_of_another_product():
    models = [Item("sw", "Enfocus Switch", "", "Enfocus"), Item("kea", "ISC Kea DHCP", "2", "ISC")]
    models.append(Item("ps", "Adobe Photoshop", "", "Adobe"))
    assert picked("Enfocus Switch 2024 Fall", "24.2", models) == "sw"  # a season's release of 2024
    assert picked("isc-kea-dhcp4", "2.6.1-isc20240725", models) == "kea"  # DHCPv4, not version 4
    assert picked("Photoshop CC 2019", "20.0.10", models) == "ps"  # Creative Cloud's, as DC is


def test_an_office_product_id_is_its_product():
    office = [Item("v", "Microsoft Visio Standard 2019", "2019", "Microsoft")]
    office.append(Item("a", "Microsoft 365 Apps for enterprise", "16.0", "Microsoft"))
    assert picked("VisioStd2019Volume", "16.0.10410.20026", office) == "v"  # the Office Deployment Tool's id
    assert picked("O365ProPlusRetail", "16.0.17726.20160", office) == "a"
    assert picked("O365ProPlusRetail - en-gb", "16.0.17726.20160", office) == "a"  # its language after it
    assert bundled("Retail") == "Retail" and bundled("ProRetail") == "Microsoft Office Professional"


def test_the_engine_windows_lists_is_the_database_server():
    sql = [
        Item("22", "Microsoft SQL Server 2022", "2022", "Microsoft"),
        Item("19", "Microsoft SQL Server 2019", "2019", "Microsoft"),
        Item("ms", "SQL Server Management Studio", "20", "Microsoft"),
    ]
    assert picked("SQL Server 2022 Database Engine Services", "16.0.4115.5", sql) == "22"
    assert picked("Microsoft SQL Server 2019 RTM Database Engine Services", "15.0.2000.5", sql) == "19"
    lsf = [Item("l", "IBM Spectrum LSF", "10", "IBM")]
    assert picked("IBM Spectrum LSF RTM", "10.2.0.14", lsf) == ""  # RTM, a product of its own
    assert picked("SQL Server 2022 Database Engine Shared", "16.0.4115.5", sql) == ""  # a feature of it


def test_the_old_teams_client_and_a_linux_package_of_the_library_are_their_products():
    models = [Item("t", "Microsoft Teams", "", "Microsoft"), Item("o", "OpenSSL 3", "3", "OpenSSL Project")]
    assert picked("Microsoft Teams classic", "1.7.00.13456", models) == "t"
    assert picked("libssl3", "3.0.13-0ubuntu3.1", models) == "o"
    assert picked("libssl1.1", "1.1.1f-1ubuntu2.22", models) == ""  # OpenSSL 1.1, another major
    # two records the brackets of their names tell apart are two
    editions = [Item("w", "Microsoft Teams (work or school)"), Item("f", "Microsoft Teams (free)")]
    assert picked("Microsoft Teams classic", "1.7.00.13456", editions) == ""


def test_a_distribution_is_the_product_it_distributes():
    models = [Item("a", "Anaconda Distribution", "", "Anaconda"), Item("p", "Python 3", "3", "Python")]
    assert picked("Anaconda3 2024.06-1 (Python 3.12.4 64-bit)", "2024.06-1", models) == "a"


def test_a_whole_name_may_end_in_its_release():
    models = [Item("r", "R", "4", "R Foundation"), Item("b", "BeyondTrust Remote Support", "", "BeyondTrust")]
    assert picked("R for Windows 4.4.1", "4.4.1", models) == "r"
    assert picked("Bomgar Representative Console", "23.2.3", models) == "b"
    assert picked("R for Windows 42", "4.4.1", models) == ""  # a number of the name is no release


def test_of_two_builds_told_apart_in_brackets_the_installs_own():
    vc = "Microsoft Visual C++ 2015-2022 Redistributable"
    builds = [Item("64", f"{vc} (x64)", "14", "Microsoft"), Item("86", f"{vc} (x86)", "14", "Microsoft")]
    assert picked(f"{vc} (x86) - 14.38.33135", "14.38.33135.0", builds) == "86"
    assert picked(f"{vc} (x64) - 14.38.33135", "14.38.33135.0", builds) == "64"
    assert picked(vc, "14.38.33135.0", builds) == ""  # no build given: a person's choice


def test_a_licence_plan_is_an_edition_not_a_version():
    plans = [Item("v2", "Microsoft Visio Plan 2", "", "Microsoft"), Item("p3", "Microsoft Project Plan 3")]
    visio = first_candidate("Microsoft Visio - en-gb", plans, "16.0.17726.20160", versioned=True)
    assert visio.target_id == "v2" and visio.preselectable and visio.score >= PRESELECT_AT
    other = first_candidate("Microsoft Visio Plan 1", plans, "", versioned=True)  # another plan
    assert other.target_id == "v2" and not other.preselectable
    both = [*plans, Item("v1", "Microsoft Visio Plan 1", "", "Microsoft")]  # which plan, a person decides
    found = suggest([Item("l", "Microsoft Visio", "16.0.1")], both, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT) is None
    perpetual = [*plans, Item("p", "Microsoft Visio Professional 2021", "16", "Microsoft")]
    found = suggest([Item("l", "Microsoft Visio - en-us", "16.0.17928")], perpetual, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT) is None  # below the perpetual licence it may be as well
    standard = [plans[0], Item("std", "Microsoft Visio Standard", "", "Microsoft")]  # a plan or a licence
    assert (
        preselect(suggest([Item("l", "Microsoft Visio")], standard, versioned=True)["l"], PRESELECT_AT)
        is None
    )
    dated = [plans[0], Item("s21", "Microsoft Visio Standard 2021", "2021", "Microsoft")]
    assert (
        preselect(suggest([Item("l", "Microsoft Visio")], dated, versioned=True)["l"], PRESELECT_AT) is None
    )
    dental = [Item("bs", "Blue Sky Plan 4", "", "Blue Sky Bio")]  # not Microsoft's: a version
    assert first_candidate("Blue Sky Plan", dental, "5.0.2", versioned=True) is None


def test_adoptiums_install_name_is_the_jdk_it_packages():
    temurin = [Item("t17", "Eclipse Temurin 17", "17", "Eclipse Adoptium")]
    found = first_candidate("Eclipse Temurin JDK with Hotspot 17.0.11+9 (x64)", temurin, "17.0.11.9", True)
    assert found.target_id == "t17" and found.preselectable and found.score >= PRESELECT_AT
    jre = [Item("jre", "Eclipse Temurin JRE 17", "17", "Eclipse Adoptium")]  # the JDK is no JRE
    found = first_candidate("Eclipse Temurin JDK with Hotspot 17.0.11+9 (x64)", jre, "17.0.11.9", True)
    assert found is None or not found.preselectable


def test_ce_is_the_community_edition():
    dbeaver = [Item("db", "DBeaver", "", "DBeaver Corp")]
    found = first_candidate("dbeaver-ce", dbeaver, "24.1.1", versioned=True)
    assert found.target_id == "db" and found.preselectable and found.score >= PRESELECT_AT
    windows = [Item("w", "Microsoft Windows", "", "Microsoft")]  # Windows CE is an OS of its own
    found = first_candidate("Microsoft Windows CE", windows, "6.0", versioned=True)
    assert found is None or not found.preselectable
    gitlab = [Item("ee", "GitLab Enterprise Edition", "17", "GitLab")]
    assert not first_candidate("gitlab-ce", gitlab, "17.1.0", versioned=True).preselectable


def test_a_target_without_a_version_adding_only_its_maker_or_the_platform_it_is_built_for_is_the_product():
    git = [Item("g", "Git for Windows", "", "The Git Development Community")]
    assert picked("Git", "2.44.0", git) == "g"
    assert (
        picked("Microsoft Outlook.app", "16.84", [Item("o", "Microsoft Outlook for Mac", "", "Microsoft")])
        == "o"
    )
    # another edition or product, a client word, another platform's build: a person decides
    for name, target in (
        ("Adobe Lightroom", Item("l", "Adobe Lightroom Classic", "", "Adobe")),
        ("Mozilla Firefox", Item("f", "Mozilla Firefox ESR", "", "Mozilla")),
        ("Microsoft Monitoring Agent", Item("a", "Azure Monitor Agent", "", "Microsoft")),
        ("docker", Item("d", "Docker Desktop", "", "Docker")),
        ("GitHub", Item("h", "GitHub Desktop", "", "GitHub")),
        ("Python.app", Item("p", "Python for Windows", "", "Python Software Foundation")),  # a Mac's bundle
        ("python3", Item("p", "Python for Windows", "", "Python Software Foundation")),  # a package
        ("Subsystem for Linux", Item("w", "Windows Subsystem for Linux", "", "Microsoft")),
        (
            "Microsoft Office",
            Item("g", "Grammarly for Microsoft Office", "", "Grammarly"),
        ),  # an add-in for it
        ("Outlook", Item("m", "Mimecast for Outlook", "", "Mimecast")),
    ):
        found = first_candidate(name, [target], "7.3", versioned=True)
        assert found.reasons[0] == "all its words, and no other product has them all", name
        assert not found.preselectable, name


def test_a_winget_id_whose_publisher_only_repeats_its_product_is_that_product():
    models = [Item("slack", "Slack", "", "Salesforce"), Item("zip", "7-Zip", "", "Igor Pavlov")]
    models += [Item("py", "Python 3", "3", "Python Software Foundation"), Item("kp", "KeePassXC", "", "")]
    assert picked("SlackTechnologies.Slack", "4.38.125", models) == "slack"
    assert picked("7zip.7zip", "24.06", models) == "zip"
    assert picked("Python.Python.3.12", "3.12.4", models) == "py"
    assert picked("KeePassXCTeam.KeePassXC", "2.7.8", models) == "kp"
    tabby = [Item("t", "Tabby", "", "Eugeny")]  # the terminal: TabbyML's is a coding assistant
    assert picked("TabbyML.Tabby", "0.12.0", tabby) == ""
    teams = [Item("t", "Microsoft Teams", "", "Microsoft"), Item("js", "Node.js", "20", "OpenJS Foundation")]
    assert picked("Microsoft.Teams", "24152.405.2925.6762", teams) == "t"  # the publisher says whose it is
    assert picked("Node.js", "20.14.0", teams) == "js"  # a name with a dot, no id


def test_a_container_images_product_is_the_last_part_of_its_name_and_a_modules_its_name():
    models = [
        Item("pg", "PostgreSQL 15", "15", "PostgreSQL Global Development Group"),
        Item("rhel", "Red Hat Enterprise Linux 9", "9", "Red Hat"),
        Item("nc", "NetCDF-Fortran 4", "4", "Unidata"),
        Item("aba", "Abaqus", "", "Dassault Systemes"),
        Item("drupal", "Drupal 10", "10", "Drupal Association"),
    ]
    assert picked("registry.redhat.io/rhel9/postgresql-15", "1-54", models) == "pg"  # not the image's OS
    assert picked("docker.io/library/postgres", "15.10-alpine", models) == "pg"
    assert picked("netcdf-fortran/4.6.1-gompi-2023a", "", models) == "nc"  # its toolchain after a dash
    assert bundled("abaqus/2024") == "abaqus 2024"  # the version a module gives is kept
    assert bundled("OS/2-Warp") == "OS/2-Warp"  # no module: no toolchain after a version
    assert bundled("docker.io/library/postgres:15.10-alpine") == "postgres 15.10"  # its tag's version
    assert bundled("localhost:5000/team/myapp:1.0") == "myapp 1.0"  # a registry's port
    assert bundled("mcr.microsoft.com/mssql/server:2022-latest") == "mssql server 2022"  # which part
    assert bundled("10.0.0.1/foo") == "10.0.0.1/foo"  # no registry's host name
    assert bundled("drupal/core") == "drupal/core"  # an owner's name alone may be the product's


def test_a_package_files_name_is_its_packages():
    models = [
        Item("httpd", "Apache HTTP Server 2.4", "2.4", "Apache Software Foundation"),
        Item("pg", "PostgreSQL 15", "15", "PostgreSQL Global Development Group"),
        Item("runner", "GitLab Runner", "", "GitLab"),
        Item("java", "Oracle Java SE 17", "", "Oracle"),
    ]
    assert picked("httpd-2.4.57-8.el9.x86_64", "2.4.57-8.el9", models) == "httpd"  # as `rpm -qa` lists it
    assert picked("postgresql15-server-15.7-1PGDG.rhel8.x86_64", "15.7", models) == "pg"
    assert picked("gitlab-runner_16.11.1_amd64.deb", "16.11.1", models) == "runner"
    assert picked("java-17-openjdk-headless-17.0.11.0.9-2.el8.x86_64", "17.0.11.0.9-2.el8", models) == ""
    assert package_file("dotnet-runtime-8.0", "8.0.8") == "dotnet-runtime-8.0"  # its major is its name's
    assert package_file("7-Zip", "23.01") == "7-Zip"
    assert package_file("quickfixj-core-2.3.1.jar", "") == "quickfixj-core"  # an extension after a version
    assert package_file("libfoo-1.2", "1") == "libfoo-1.2"  # the version field whole, not a version's start
    assert package_file("foo_1.0_all.deb", "1.0") == "foo"  # Debian's package for every architecture
    assert whole_name("Zoom v6.1.0")[1] == "alias: Zoom = Zoom Workplace"  # a version after a whole name


def test_a_package_built_for_a_database_is_the_products_package():
    """The seen sets' most frequent miss of a package: Zabbix builds its server and proxy for MySQL,
    PostgreSQL or SQLite ("zabbix-server-pgsql"), each a package of Zabbix, whose last word was read as
    another product; a database's own packages keep their names."""
    models = [
        Item("z7", "Zabbix Server 7.0 LTS", "7", "Zabbix"),
        Item("z6", "Zabbix 6", "6", "Zabbix"),
        Item("mysql", "MySQL Server 8", "8", "Oracle"),
    ]
    assert picked("zabbix-server-pgsql", "1:7.0.5-1+ubuntu22.04", models) == "z7"
    assert picked("zabbix-server-mysql 1:6.0.33-1+ubuntu22.04", "", models) == "z6"  # as dpkg lists it
    assert picked("zabbix-server-pgsql-6.0.24-release1.el9.x86_64", "6.0.24", models) == "z6"
    assert package_file("zabbix-proxy-sqlite3", "7.0.5") == "zabbix-proxy"
    assert package_file("mysql-server", "8.0.39") == "mysql-server"
    for binding in (
        "ruby-sqlite3",
        "python3-postgresql",
        "lua-sql-mysql",
        "libpam-mysql",
        "rh-mysql80-mysql",
    ):
        assert package_file(binding, "1.0") == binding  # a language's, a library's or the database's own
    assert (
        picked("python3-postgresql", "1.3.0", [Item("py", "Python 3", "3", "Python Software Foundation")])
        == ""
    )
    assert package_file("Zabbix Server MySQL", "7") == "Zabbix Server MySQL"  # no package's name
    assert picked("mysql-server", "8.0.39", models) == "mysql"


def test_a_debian_package_as_dpkg_lists_it_is_its_package_at_its_upstream_version():
    """Set 111: `dpkg-query` gives the package's name and its version, with an epoch and a Debian
    revision, which were read as a version 1 and words of the name ("ubuntu", "plus")."""
    models = [
        Item("ssh", "OpenBSD OpenSSH", "", "OpenBSD Project"),
        Item("curl", "curl 8", "8", "curl"),
        Item("curl7", "curl 7", "7", "curl"),
    ]
    assert picked("openssh-server 1:9.6p1-3ubuntu13", "9.6p1", models) == "ssh"
    assert (
        picked("curl 7.88.1-10+deb12u8", "", models) == "curl7"
    )  # the upstream version, where none is given
    assert package_file("zabbix-agent2 1:7.0.5-1+ubuntu24.04", "7.0.5") == "zabbix-agent2"
    assert package_file("git 1:2.43.0-1ubuntu7.1", "") == "git 2.43.0"
    assert package_file("Python 3.12", "") == "Python 3.12"  # no epoch nor revision: a name and its version
    assert package_file("office 2016-2019", "") == "office 2016-2019"  # no revision after a dotted version
    assert package_file("mysql 8.0-community", "") == "mysql 8.0-community"  # an edition, no revision
    assert package_file("gitlab-ee 17.5.1-ee.0", "17.5.1") == "gitlab-ee"  # GitLab's own revision


def test_a_java_development_kits_install_is_the_java_se_record_and_a_runtimes_is_no_kits():
    java_se = [Item("se", "Oracle Java SE 17", "", "Oracle")]
    assert picked("Java(TM) SE Development Kit 17.0.11 (64-bit)", "17.0.11.0", java_se) == "se"
    kit = [Item("jdk", "Oracle Java SE Development Kit", "8", "Oracle")]
    assert picked("Java 8 Update 421 (64-bit)", "8.0.4210.9", kit) == ""  # Oracle's runtime install
    assert picked("Java(TM) SE Development Kit 8 Update 421 (64-bit)", "8.0.4210.9", kit) == "jdk"
    assert runtime_or_kit("java se development kit 8 update 401") == "kit"  # Oracle's kit, by its update


def test_a_target_named_without_a_letter_found_by_its_details_is_no_client_app():
    found = suggest([Item("l", "Gold", "1")], [Item("t", "(", "", "Dell", "gold")], versioned=True)["l"]
    assert all(not c.preselectable for c in found)  # and no IndexError


def test_a_suites_name_beside_two_of_its_parts_is_either_a_person_says_which():
    """VMware sold vSphere as ESXi and vCenter Server, and the vSphere Client manages either: beside records
    of both at the name's major, neither is chosen, and both are shown (sets 55 to 221)."""
    parts = [
        Item("esxi", "VMware ESXi 8", "8", "VMware"),
        Item("vc", "VMware vCenter Server 8", "8", "VMware"),
        Item("esxi7", "VMware ESXi 7", "7", "VMware"),
    ]
    for name, version in [
        ("VMware vSphere 8", "8.0.2"),
        ("vSphere", "8.0"),
        ("VMware vSphere Client", "8.0"),
    ]:
        found = suggest([Item("l", name, version)], parts, versioned=True)["l"]
        assert not preselect(found, PRESELECT_AT), name
        assert {c.target_id for c in found[:2]} == {"esxi", "vc"}, name
        suite = "VMware vSphere Client" if "Client" in name else "VMware vSphere"
        either = f"{suite} may be VMware ESXi or VMware vCenter Server: a person says which"
        assert all(c.reasons[0] == either for c in found[:2]), name
    assert picked("VMware vSphere 7", "7.0.3", parts) == "esxi7"  # no vCenter Server 7: the one part
    assert picked("VMware vSphere 8", "8.0.2", [*parts, Item("s", "VMware vSphere 8", "8", "VMware")]) == "s"
    assert picked("VMware ESXi", "8.0.2", parts) == "esxi"  # a part's own name
    others = [
        *parts,
        Item("cv", "VMware vCenter Converter 8", "8", "VMware"),
        Item("hc", "VMware ESXi Host Client 8", "8"),
    ]
    found = suggest([Item("l", "VMware vSphere 8", "8.0.2")], others, versioned=True)["l"]
    assert {c.target_id for c in found[:2]} == {"esxi", "vc"}  # no product named with a part's word
    assert all("a person says which" not in c.why for c in found if c.target_id in ("cv", "hc"))


def test_a_suites_part_that_no_record_is_is_the_suites_record_of_its_major():
    """A catalogue that keeps vSphere as one product: vCenter Server, sold as part of it, is its record of
    the install's major (the seen sets' most frequent miss of a suite); beside a record of vCenter Server,
    that one; never ESXi's, another part, nor the vSphere Client's."""
    suite = [
        Item("s8", "VMware vSphere 8", "8", "Broadcom Inc."),
        Item("s7", "VMware vSphere 7", "7", "Broadcom Inc."),
        Item("esxi6", "VMware ESXi 6", "6", "VMware"),
        Item("client", "VMware vSphere Client 6", "6", "VMware"),
    ]
    assert picked("VMware vCenter Server 7.0 Update 3", "7.0.3.01800", suite) == "s7"
    assert picked("vCenter Server Appliance", "8.0.2", suite) == "s8"
    found = suggest([Item("l", "VMware vCenter Server 8.0 U2", "8.0.2")], suite, versioned=True)["l"]
    assert found[0].reasons[0] == "VMware vCenter Server is part of VMware vSphere"
    assert picked("VMware vCenter Server 6.7", "6.7.0", suite) == ""  # ESXi 6 and its client are no suite
    own = [*suite, Item("vc", "VMware vCenter Server 8", "8", "VMware")]
    assert picked("VMware vCenter Server 8.0 U2", "8.0.2", own) == "vc"
    assert picked("VMware vCenter Converter", "6.4", suite) == ""  # no part of it


def test_a_dotnet_runtime_windows_lists_on_its_own_is_the_dotnet_record_of_its_major():
    """A .NET release ships the .NET Runtime and the Windows Desktop Runtime, each listed on its own: a
    catalogue that keeps .NET as one product has their installs as its record of their major."""
    dotnet = [
        Item("n8", "Microsoft .NET 8", "8", "Microsoft"),
        Item("n6", "Microsoft .NET 6", "6", "Microsoft"),
    ]
    assert picked("Microsoft Windows Desktop Runtime - 8.0.1 (x64)", "8.0.1", dotnet) == "n8"
    assert picked("Microsoft .NET Runtime - 6.0.33 (x64)", "6.0.33.34016", dotnet) == "n6"
    assert picked("Microsoft .NET Runtime - 7.0.20 (x64)", "7.0.20", dotnet) == ""  # no record of 7
    assert picked("Microsoft ASP.NET Core 8.0.8 - Shared Framework (x64)", "8.0.8", dotnet) == ""
    own = [*dotnet, Item("r8", "Microsoft .NET Runtime 8", "8", "Microsoft")]
    assert picked("Microsoft .NET Runtime - 8.0.8 (x64)", "8.0.8.34118", own) == "r8"


def test_an_appliances_firmware_as_a_scan_lists_it_is_its_operating_system_at_that_version():
    """The seen sets' FortiGates: a scan lists the model glued to the product and a build after the version
    ("FortiGate-100F v7.2.8 build1639"); the firmware is FortiOS at that version, and which model runs it is
    no word of its name. A name of a product and a number is no appliance ("Office-2016")."""
    fortinet = [
        Item("os7", "Fortinet FortiOS 7", "7", "Fortinet"),
        Item("os6", "Fortinet FortiOS 6", "6", "Fortinet"),
        Item("faz", "Fortinet FortiAnalyzer 7", "7", "Fortinet"),
    ]
    assert picked("FortiGate-200F v7.2.7,build1577 (GA.M)", "7.2.7", fortinet) == "os7"
    assert picked("FGT_100F-v7.2.8.M-build1639", "7.2.8", fortinet) == "os7"
    assert picked("FortiGate-60E v6.2.16,build1392", "6.2.16", fortinet) == "os6"
    assert picked("FortiGate-100F FortiOS v7.2.8 build1639", "7.2.8", fortinet) == "os7"
    assert picked("FortiAnalyzer-VM64 v7.4.2-build2397", "7.4.2", fortinet) == "faz"
    assert picked("FortiGate-60F-3G4G v7.2.8", "7.2.8", fortinet) == "os7"  # a model of two parts
    assert picked("FortiGate-60F", "", fortinet) == ""  # a device: which FortiOS is a person's choice
    assert picked("Fortinet", "7.4", [Item("os", "FortiOS", "", "Fortinet")]) == ""  # its maker alone
    device = [*fortinet, Item("fg", "Fortinet FortiGate", "", "Fortinet")]
    assert picked("FortiGate", "7.2.8", device) == "fg"  # a name without a model is the device's record
    for other in ("Office-2016", "Sage-50c v27.1", "Aruba-2930F v16.10", "FortiClient 7.2"):
        assert firmware(other) == other  # another maker's product and edition, a switch, an install
