"""A deterministic, realistic-looking demo portfolio, built as a portfolio document and loaded through
the importer (so loading it twice changes nothing)."""

import random
import unicodedata
from dataclasses import dataclass
from typing import Any

SERVICE_NAMES = [
    ("Application Hosting", "Managed virtual and container hosting for business applications."),
    ("Database Services", "Provisioning, patching and tuning of managed databases."),
    ("Network Infrastructure", "LAN, WAN, firewalls and load balancers."),
    ("Cybersecurity Operations", "Security monitoring, vulnerability management and incident response."),
    ("Enterprise Backup", "Scheduled backup and restore of servers and databases."),
    ("Help Desk Services", "First-line support for staff."),
    ("Identity & Access Management", "Directory, single sign-on and privileged access."),
    ("Cloud Platform Services", "Landing zones and managed public cloud accounts."),
    ("Integration Services", "API gateway and message brokering."),
    ("End User Computing", "Laptops, desktops and virtual desktops."),
]

PRODUCTS = [
    ("Oracle Database", "Oracle", "19c"),
    ("Oracle Database", "Oracle", "12c"),
    ("Microsoft SQL Server", "Microsoft", "2019"),
    ("Microsoft SQL Server", "Microsoft", "2022"),
    ("PostgreSQL", "PostgreSQL Global Development Group", "15"),
    ("MySQL", "Oracle", "8.0"),
    ("VMware vSphere", "Broadcom", "8"),
    ("Commvault Backup & Recovery", "Commvault", "11"),
    ("Red Hat Enterprise Linux", "Red Hat", "9"),
    ("Windows Server", "Microsoft", "2022"),
    ("Apache Tomcat", "Apache Software Foundation", "10.1"),
    ("NGINX", "F5", "1.24"),
    ("Microsoft .NET", "Microsoft", "8.0"),
    ("Java SE", "Oracle", "17"),
    ("IBM WebSphere Application Server", "IBM", "9.0"),
    ("Microsoft IIS", "Microsoft", "10"),
    ("MongoDB", "MongoDB", "7.0"),
    ("Redis", "Redis", "7.2"),
    ("Elasticsearch", "Elastic", "8.11"),
    ("Kubernetes", "CNCF", "1.29"),
    ("SAP HANA", "SAP", "2.0"),
    ("Citrix Virtual Apps", "Citrix", "7"),
]

NAMED_APPLICATIONS = [
    ("LegalEdge", "Legal case management"),
    ("Microsoft 365", "E-mail, documents and collaboration"),
    ("Sage 300", "General ledger and accounts payable"),
    ("Workday HCM", "Human capital management"),
    ("Salesforce Sales Cloud", "Customer relationship management"),
    ("ServiceDesk Plus", "Internal service desk"),
    ("SAP S/4HANA Finance", "Enterprise resource planning"),
    ("Esri ArcGIS Enterprise", "Geographic information system"),
    ("Adobe Experience Manager", "Public website content management"),
    ("Kronos Workforce Central", "Time and attendance"),
    ("Oracle PeopleSoft Campus", "Student information system"),
    ("Tableau Server", "Business intelligence dashboards"),
    ("Jira Software", "Work tracking for delivery teams"),
    ("Confluence", "Team knowledge base"),
    ("DocuSign eSignature", "Electronic signatures"),
    ("Zoom Workplace", "Video meetings"),
]
DOMAINS = [
    "Claims",
    "Permit",
    "Fleet",
    "Grant",
    "Payroll",
    "Procurement",
    "Licensing",
    "Asset",
    "Case",
    "Benefits",
    "Inspection",
    "Revenue",
    "Tax",
    "Court",
    "Library",
    "Transit",
    "Water Billing",
    "Parks Booking",
    "Records",
    "Training",
    "Inventory",
    "Vendor",
    "Contract",
    "Budget",
    "Audit",
    "Incident",
    "Donor",
    "Volunteer",
    "Property",
    "Health Records",
]
FUNCTIONS = [
    "Intake Portal",
    "Management System",
    "Tracker",
    "Scheduler",
    "Analytics",
    "Workflow",
    "Registry",
    "Self-Service",
    "Reporting Hub",
    "Mobile App",
    "Data Warehouse",
    "Notification Service",
]
FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Keiko",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Patel",
    "Nakamura",
    "García",
    "Schmidt",
    "O'Brien",
    "Kowalski",
    "Haddad",
    "Silva",
    "Novak",
]
SUPPLIERS = [
    "Microsoft",
    "Oracle",
    "SAP",
    "Salesforce",
    "Workday",
    "Sage Group",
    "Adobe",
    "Atlassian",
    "Esri",
    "UKG",
    "Broadcom",
    "Commvault",
    "Red Hat",
    "IBM",
    "Citrix",
    "Zoom Video Communications",
    "DocuSign",
    "Tableau (Salesforce)",
    "Elastic",
    "MongoDB",
    "Central IT",
]
AUDIENCES = ["all staff", "finance", "field crews", "the public"]
ENVIRONMENTS = ["Test", "Staging", "DR", "Development"]
ENV_SHORT = {"Production": "Prod", "Test": "Test", "Staging": "Stage", "DR": "DR", "Development": "Dev"}
HOSTING = [
    ("Cloud", "AWS", "ca-central-1"),
    ("Cloud", "Azure", "canadacentral"),
    ("On-Premise", "", "HQ-DC1"),
    ("SaaS", "", ""),
    ("Hybrid", "Azure", "canadaeast"),
]
# (type, name prefix, manufacturer, model) by the hosting of the deployments an item runs.
MACHINES = {
    "On-Premise": [
        ("server", "srv", "Dell", "PowerEdge R650"),
        ("server", "srv", "HPE", "ProLiant DL380 Gen10"),
        ("virtual_machine", "vm", "VMware", "VMware Virtual Platform"),
    ],
    "Hybrid": [("virtual_machine", "vm", "VMware", "VMware Virtual Platform")],
    "Cloud": [
        ("cloud_instance", "ec2", "Amazon Web Services", "m6i.large"),
        ("cloud_instance", "azvm", "Microsoft Azure", "Standard_D4s_v5"),
        ("container_host", "k8s", "Lenovo", "ThinkSystem SR650"),
    ],
    "SaaS": [("cloud_instance", "saas", "Microsoft Azure", "Standard_B2s")],
}
OPERATING_SYSTEMS = [
    ("Red Hat Enterprise Linux", "9.4", ""),
    ("Windows Server", "2022", "00454-"),
    ("Ubuntu Server", "22.04 LTS", ""),
    ("Windows Server", "2019", "00430-"),
]
LIFECYCLES = [  # (weight, stage, status, operational_status)
    (70, "Operational", "In Use", "operational"),
    (6, "Operational", "End of Support", "operational"),
    (4, "Operational", "Pending Retirement", "operational"),
    (6, "Design", "Build", "pipeline"),
    (4, "Ideation", "Pilot", "pipeline"),
    (6, "End of Life", "Retired", "retired"),
    (4, "Design", "Chartered", "pipeline"),
]


@dataclass(frozen=True)
class DemoShape:
    apps: int = 300
    deployments_per_app: int = 2
    services: int = 6
    products_per_deployment: int = 3
    seed: int = 42


def build_demo_document(shape: DemoShape) -> dict[str, list[dict[str, Any]]]:
    if not 1 <= shape.services <= len(SERVICE_NAMES):
        raise ValueError(f"--services must be between 1 and {len(SERVICE_NAMES)}")
    if not 0 <= shape.products_per_deployment <= len(PRODUCTS):
        raise ValueError(f"--products-per-deployment must be between 0 and {len(PRODUCTS)}")
    if not 1 <= shape.deployments_per_app <= 1 + len(ENVIRONMENTS):
        raise ValueError(f"--deployments-per-app must be between 1 and {1 + len(ENVIRONMENTS)}")
    rng = random.Random(shape.seed)
    people = [(f, ln) for ln in LAST for f in FIRST]
    rng.shuffle(people)
    contacts = [
        {"name": f"{f} {ln}", "email": _email(f, ln), "title": "", "phone": ""} for f, ln in people[:40]
    ]
    for contact in contacts:
        contact["title"] = rng.choice(["Application Owner", "IT Manager", "Product Manager", "Service Owner"])
    emails = [c["email"] for c in contacts]
    suppliers = [{"name": name, "website": "", "notes": ""} for name in SUPPLIERS]
    services = [
        {"name": name, "scope": "shared", "description": text, "owner": rng.choice(emails)}
        for name, text in SERVICE_NAMES[: shape.services]
    ]
    products = [{"name": n, "manufacturer": m, "version": v} for n, m, v in PRODUCTS]
    applications = []
    for number, (name, summary) in enumerate(_application_names(rng, shape.apps), start=1):
        weights = [w for w, *_ in LIFECYCLES]
        _, stage, status, operational = rng.choices(LIFECYCLES, weights=weights)[0]
        vendor = next((s for s in SUPPLIERS if name.startswith(s.split()[0])), rng.choice(SUPPLIERS))
        app = {
            "app_id": f"APP-{number:04d}",
            "name": name,
            "short_description": summary,
            "description": f"{summary}. Used by {rng.choice(AUDIENCES)}.",
            "operational_status": operational,
            "lifecycle_stage": stage,
            "lifecycle_status": status,
            "business_criticality": rng.choice("1223334"),
            "owner": rng.choice(emails),
            "manager": rng.choice(emails),
            "vendor": vendor,
            "deployments": [],
        }
        environments = ["Production", *rng.sample(ENVIRONMENTS, shape.deployments_per_app - 1)]
        for environment in environments:
            hosting, provider, region = rng.choice(HOSTING)
            chosen = rng.sample(products, shape.products_per_deployment)
            app["deployments"].append(
                {
                    "name": f"{name} — {ENV_SHORT[environment]}",
                    "environment": environment,
                    "hosting_type": hosting,
                    "cloud_provider": provider,
                    "region": region,
                    "operational_status": operational,
                    "version": f"{rng.randint(1, 12)}.{rng.randint(0, 9)}",
                    "publish_as": "application_service",
                    "it_services": [s["name"] for s in services],
                    "software_products": [{"name": p["name"], "version": p["version"]} for p in chosen],
                }
            )
        applications.append(app)
    contracts = _contracts(rng, applications, products, shape)
    infrastructure = _infrastructure(rng, applications)
    return {
        "suppliers": suppliers,
        "contacts": contacts,
        "it_services": services,
        "software_products": products,
        "applications": applications,
        "contracts": contracts,
        "infrastructure": infrastructure,
    }


def _email(first: str, last: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return ascii_name.lower().replace("'", "") + "@example.org"


def _application_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    generated = [(f"{d} {f}", f"{d} {f.lower()}") for d in DOMAINS for f in FUNCTIONS]
    rng.shuffle(generated)
    names = NAMED_APPLICATIONS + generated
    if count > len(names):
        names += [(f"{n} {i}", s) for i in range(2, count // len(names) + 2) for n, s in names]
    return names[:count]


def _contracts(rng: random.Random, applications, products, shape: DemoShape) -> list[dict[str, Any]]:
    contracts = []
    for i, supplier in enumerate(SUPPLIERS):
        internal = supplier == "Central IT"
        start_year = 2023 + i % 3
        covered = [a["app_id"] for a in applications if a["vendor"] == supplier][:20]
        contracts.append(
            {
                "name": f"{supplier} {'chargeback' if internal else 'master agreement'}",
                "number": f"{'ICB' if internal else 'CTR'}-{2023 + i % 3}-{i + 1:03d}",
                "supplier": supplier,
                "kind": "internal_chargeback" if internal else "vendor",
                "start_date": f"{start_year}-01-01",
                "end_date": f"{start_year + 3}-12-31",
                "annual_cost": f"{rng.randint(5, 900) * 1000}.00",
                "currency": "CAD",
                "software_products": [
                    {"name": p["name"], "version": p["version"]}
                    for p in products
                    if p["manufacturer"].split()[0] == supplier.split()[0]
                ],
                "applications": covered,
            }
        )
    return contracts


def _infrastructure(rng: random.Random, applications) -> list[dict[str, Any]]:
    """One machine for every two deployments, in order, each running those two."""
    deployments = [(a["app_id"], d) for a in applications for d in a["deployments"]]
    items = []
    for number, start in enumerate(range(0, len(deployments), 2), start=1):
        pair = deployments[start : start + 2]
        first = pair[0][1]
        kind, prefix, manufacturer, model = rng.choice(MACHINES[first["hosting_type"]])
        system, version, licence_prefix = rng.choice(OPERATING_SYSTEMS)
        licence = f"{licence_prefix}{rng.randint(10000, 99999)}-{rng.randint(10000, 99999)}-AA{number:03d}"
        items.append(
            {
                "name": f"{prefix}-{number:04d}",
                "type": kind,
                "manufacturer": manufacturer,
                "model": model,
                "serial_number": f"{manufacturer[:2].upper()}{rng.randint(10**7, 10**8 - 1)}",
                "operating_system": system,
                "os_version": version,
                "os_license": licence if licence_prefix else "",
                "location": first["region"] or first["cloud_provider"] or "HQ-DC1",
                "service_end_date": f"{2026 + rng.randint(0, 4)}-{rng.randint(1, 12):02d}-28",
                "source": "demo",
                "source_id": "",
                "deployments": [{"application": app_id, "name": d["name"]} for app_id, d in pair],
            }
        )
    return items


DEMO_USERNAME = "demo"


def load_demo_portfolio(slug: str, shape: DemoShape, force: bool = False):
    """Create the demo namespace and load the demo portfolio into it, only while it has no applications
    (or with `force`), so a restart never puts back what someone edited. Returns the namespace and the
    import summary, or None as the summary when the namespace was left alone."""
    from django.db import transaction

    from catalog.models import BusinessApplication, Namespace
    from catalog.transfer.importer import import_document

    document = build_demo_document(shape)
    with transaction.atomic():
        namespace, _ = Namespace.objects.get_or_create(
            slug=slug, defaults={"name": slug.replace("-", " ").title() + " Organisation"}
        )
        if not force and BusinessApplication.objects.filter(namespace=namespace).exists():
            return namespace, None
        return namespace, import_document(namespace, document)


def ensure_demo_login(namespace, password: str):
    """The demo superuser, an admin of `namespace`, with `password` (set again when it differs, so the
    login the run command prints always works). For trying the product only: the run command creates it,
    nothing else does."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from catalog.choices import Role
    from catalog.models import Membership

    with transaction.atomic():
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "demo@example.org"},
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, namespace=namespace, defaults={"role": Role.ADMIN})
    return user
