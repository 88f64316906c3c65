import factory
from django.contrib.auth import get_user_model

from catalog import models
from catalog.choices import Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class NamespaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Namespace

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    user = factory.SubFactory(UserFactory)
    namespace = factory.SubFactory(NamespaceFactory)
    role = Role.EDITOR


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Supplier

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"Supplier {n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Contact

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class ITServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ITService

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"IT Service {n}")


class SoftwareProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SoftwareProduct

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"Product {n}")
    manufacturer = "Acme"
    version = "1.0"


class BusinessApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.BusinessApplication

    namespace = factory.SubFactory(NamespaceFactory)
    app_id = factory.Sequence(lambda n: f"APP-{n:04d}")
    name = factory.Sequence(lambda n: f"Application {n}")
    short_description = "Does business things"


class DeploymentProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DeploymentProfile
        skip_postgeneration_save = True

    application = factory.SubFactory(BusinessApplicationFactory)
    namespace = factory.LazyAttribute(lambda o: o.application.namespace)
    name = factory.LazyAttributeSequence(lambda o, n: f"{o.application.name} — Prod {n}")

    @factory.post_generation
    def it_services(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.it_services.set(extracted)

    @factory.post_generation
    def software_products(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.software_products.set(extracted)


class ProductContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ProductContract

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"Contract {n}")
    supplier = factory.SubFactory(SupplierFactory, namespace=factory.SelfAttribute("..namespace"))


class ConnectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "integrations.Connection"

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"servicenow-{n}")
    platform = "servicenow"
    instance_url = "https://127.0.0.1:8443"
    auth_method = "basic"
    username = "integration"
    password = "integration"


class InfrastructureItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.InfrastructureItem
        skip_postgeneration_save = True

    namespace = factory.SubFactory(NamespaceFactory)
    name = factory.Sequence(lambda n: f"srv-{n:04d}")
    item_type = "server"
    manufacturer = "Dell"
    model = "PowerEdge R650"
    serial_number = factory.Sequence(lambda n: f"SN{n:06d}")
    operating_system = "Red Hat Enterprise Linux"
    os_version = "9.4"

    @factory.post_generation
    def deployments(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.deployments.set(extracted)
