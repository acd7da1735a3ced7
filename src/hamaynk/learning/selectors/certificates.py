"""Reads of certificates: by code for the public check, a person's own list."""

from typing import Any

from django.db.models import QuerySet

from hamaynk.learning.models import Certificate
from hamaynk.learning.services.certificates import normal_code


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate a typed code names (case, spaces and look-alike letters forgiven)."""
    return (Certificate.objects.select_related("network", "community")
            .filter(code=normal_code(code)).first())


def certificates_of(person: Any) -> QuerySet[Certificate]:
    """The person's own certificates, the most recent first."""
    return (Certificate.objects.filter(person=person).select_related("network")
            .only("code", "name", "title_hy", "title_en", "hours", "completed_on",
                  "revoked_at", "participation", "network__short_name")
            .order_by("-completed_on", "-pk"))
