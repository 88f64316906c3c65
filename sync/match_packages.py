"""Package names as Linux package managers list them (sync.match_names reads a software name through
`package_file` first): a package file's name and dpkg's listing, as the package's."""

import re

# a package file's architecture and extension, as `rpm -qa`, a repository or a download lists it
PACKAGE_SUFFIX = re.compile(
    r"(?:[._-](?:x86_64|noarch|i[3-6]86|aarch64|amd64|arm64|ppc64le|s390x)|_all)?(?:\.(?:rpm|deb|jar|msi|apk))?$"
)
PACKAGE_VERSION_AT = re.compile(r"[-_](?=\d)")
PACKAGE_DOTTED = re.compile(r"\d+\.\d")  # a version after a package's name
# the part of a product a package is, after its version: "1c-enterprise-8.3.22.1709-server", as its own file
# names it too ("1c-enterprise-8.3.22.1709-thin-client-8.3.22-1709.x86_64")
PACKAGE_PART = re.compile(r"-((?:thin-)?client|server)(?=$|[-_]\d)", re.I)
# a Debian package as dpkg lists it, its name and its version with an epoch or a Debian revision:
# "openssh-server 1:9.6p1-3ubuntu13", "curl 7.88.1-10+deb12u8"; not "Python 3.12" nor "mysql 8.0-community"
DPKG_LISTED = re.compile(r"([a-z0-9][a-z0-9+.-]+) (\d+:)?(\d[\w.+~]*)(?:-([\w.+~]+))?")
# the database a part of a product is built for, last in its name after the product's and the part's:
# "zabbix-server-mysql", "zabbix-proxy-sqlite3", "icinga2-ido-pgsql" are the product's packages; not a
# language's or a library's binding ("ruby-sqlite3", "python3-postgresql", "lua-sql-mysql", "libpam-mysql"),
# nor a database's own ("rh-mysql80-mysql", "mysql-server")
DATABASE_BUILT_FOR = re.compile(
    r"^([a-z0-9][a-z0-9+.]*-[a-z0-9+.-]*?)-(?:mysql|pgsql|postgresql|sqlite3?)(?=$| )"
)
BINDINGS = re.compile(r"^(?:python|py\d|ruby|node|perl|lua|golang|php|r-cran|erlang|ocaml|lib|rh-)|sql|maria")


def package_file(name: str, version: str) -> str:
    """A package file's name as its package's ("httpd-2.4.57-8.el9.x86_64" → "httpd", "gitlab-runner_16.11.1_
    amd64.deb" → "gitlab-runner", "java-17-openjdk-headless-17.0.11.0.9-2.el8.x86_64"): a name of one word
    cut before the version field, whole, after a dash or an underscore, or before a dotted version followed by
    an architecture or an extension; other names as they are ("dotnet-runtime-8.0" at 8.0.8: its major is
    part of its name; "libfoo-1.2" at 1; "7-Zip"). A package built for a database is the product's
    ("zabbix-server-pgsql" is "zabbix-server")."""
    package = dpkg_listed(name.strip(), version.strip()) if " " in name.strip() else _package(name, version)
    built = DATABASE_BUILT_FOR.match(package) if package.islower() else None
    return package if built is None or BINDINGS.search(built[1]) else built[1] + package[built.end() :]


def _package(name: str, version: str) -> str:
    stripped, version = PACKAGE_SUFFIX.sub("", name), version.strip()
    for cut in PACKAGE_VERSION_AT.finditer(stripped, 1):
        at, after = cut.end(), stripped[cut.end() + len(version) : cut.end() + len(version) + 1]
        whole = bool(version) and stripped.startswith(version, at) and not (after.isalnum() or after == ".")
        if whole or (stripped != name and PACKAGE_DOTTED.match(stripped, at)):
            part = PACKAGE_PART.search(stripped, at)
            return f"{name[: cut.start()]} {part.group(1)}" if part else name[: cut.start()]
    return name


def dpkg_listed(name: str, version: str) -> str:
    """A Debian package as dpkg lists it, as its package's name and its upstream version, where the version
    field does not give it: "zabbix-agent2 1:7.0.5-1+ubuntu24.04" is zabbix-agent2 at 7.0.5, no epoch 1 nor
    words "ubuntu". Its version needs an epoch, or a revision with a number after a dotted version or with
    letters ("3.0.13-1", "1.24.0-2ubuntu7.1"; not "2016-2019"); other names are as they are."""
    listed = DPKG_LISTED.fullmatch(name)
    if not listed:
        return name
    package, epoch, upstream, revision = listed.groups()
    revised = bool(revision) and any(c.isdigit() for c in revision)  # "3ubuntu13", "ee.0"; not "community"
    if not epoch and not (revised and ("." in upstream or not revision.isdigit())):
        return name
    return package if version else f"{package} {upstream}"
