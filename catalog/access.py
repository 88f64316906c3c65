"""Who may see and change which namespace: the single place every view and form asks."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from catalog.choices import Role
from catalog.models import Membership, Namespace

ROLE_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def namespaces_for(
    user: AbstractBaseUser | AnonymousUser, min_role: str = Role.VIEWER
) -> QuerySet[Namespace]:
    """The namespaces `user` holds at least `min_role` in; superusers hold admin everywhere."""
    if not user.is_authenticated:
        return Namespace.objects.none()
    if user.is_superuser:
        return Namespace.objects.all()
    roles = [role for role, rank in ROLE_RANK.items() if rank >= ROLE_RANK[Role(min_role)]]
    return Namespace.objects.filter(memberships__user=user, memberships__role__in=roles).distinct()


def role_in(user: AbstractBaseUser | AnonymousUser, namespace: Namespace) -> Role | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMIN
    role = Membership.objects.filter(user=user, namespace=namespace).values_list("role", flat=True).first()
    return Role(role) if role else None


def has_role(role: Role | None, min_role: str) -> bool:
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[Role(min_role)]


def get_namespace_for(user: AbstractBaseUser | AnonymousUser, slug: str) -> tuple[Namespace, Role]:
    """The namespace named `slug` and the user's role in it; 404 when the user is not a member, so that
    other tenants' namespaces are indistinguishable from missing ones."""
    namespace = Namespace.objects.filter(slug=slug).first()
    role = role_in(user, namespace) if namespace else None
    if namespace is None or role is None:
        raise Http404("No such namespace.")
    return namespace, role
