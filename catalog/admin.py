from django.contrib import admin

from catalog import models


class NamespacedAdmin(admin.ModelAdmin):
    list_filter = ("namespace",)
    list_select_related = ("namespace",)
    readonly_fields = ("id", "created_at", "updated_at")


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(models.Namespace)
class NamespaceAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MembershipInline]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "namespace", "role")
    list_filter = ("role", "namespace")
    search_fields = ("user__username", "namespace__name")
    list_select_related = ("user", "namespace")


@admin.register(models.Supplier)
class SupplierAdmin(NamespacedAdmin):
    list_display = ("name", "website", "namespace")
    search_fields = ("name",)


@admin.register(models.Contact)
class ContactAdmin(NamespacedAdmin):
    list_display = ("name", "email", "title", "namespace")
    search_fields = ("name", "email")


@admin.register(models.ITService)
class ITServiceAdmin(NamespacedAdmin):
    list_display = ("name", "scope", "owner", "namespace")
    list_filter = ("scope", "namespace")
    search_fields = ("name", "description")
    list_select_related = ("namespace", "owner")


@admin.register(models.SoftwareProduct)
class SoftwareProductAdmin(NamespacedAdmin):
    list_display = ("name", "version", "manufacturer", "namespace")
    search_fields = ("name", "manufacturer", "version")


class DeploymentInline(admin.StackedInline):
    model = models.DeploymentProfile
    extra = 0
    fields = ("name", "environment", "hosting_type", "operational_status", "publish_as")
    show_change_link = True


@admin.register(models.BusinessApplication)
class BusinessApplicationAdmin(NamespacedAdmin):
    list_display = (
        "name",
        "app_id",
        "operational_status",
        "lifecycle_stage",
        "lifecycle_status",
        "namespace",
    )
    list_filter = ("operational_status", "lifecycle_stage", "business_criticality", "namespace")
    search_fields = ("name", "app_id", "short_description")
    autocomplete_fields = ("owner", "manager", "vendor")
    inlines = [DeploymentInline]


@admin.register(models.DeploymentProfile)
class DeploymentProfileAdmin(NamespacedAdmin):
    list_display = ("name", "application", "environment", "hosting_type", "publish_as")
    list_filter = ("environment", "hosting_type", "publish_as", "namespace")
    search_fields = ("name", "application__name", "application__app_id")
    list_select_related = ("namespace", "application")
    filter_horizontal = ("it_services", "software_products")
    autocomplete_fields = ("application",)


@admin.register(models.ProductContract)
class ProductContractAdmin(NamespacedAdmin):
    list_display = ("name", "number", "supplier", "kind", "start_date", "end_date", "annual_cost", "currency")
    list_filter = ("kind", "namespace")
    search_fields = ("name", "number", "supplier__name")
    list_select_related = ("namespace", "supplier")
    autocomplete_fields = ("supplier",)
    filter_horizontal = ("software_products", "applications")


@admin.register(models.InfrastructureItem)
class InfrastructureItemAdmin(NamespacedAdmin):
    list_display = ("name", "item_type", "manufacturer", "model", "operating_system", "source", "namespace")
    list_filter = ("item_type", "source", "namespace")
    search_fields = ("name", "serial_number", "manufacturer", "model", "source_id")
    filter_horizontal = ("deployments",)
