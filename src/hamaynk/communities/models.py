"""The registry: Country → Region (marz / raion / oblast) → Community, and who works for a
community (affiliations, verified by the secretariat)."""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamaynk.core.i18n import localized
from hamaynk.core.links import object_url
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner


class NamedInLanguages(models.Model):
    name_hy = models.CharField(_("name in Armenian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_ro = models.CharField(_("name in Romanian"), max_length=200, blank=True)
    name_uk = models.CharField(_("name in Ukrainian"), max_length=200, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Country(NamedInLanguages):
    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    time_zone = models.CharField(max_length=64, default="Asia/Yerevan")

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Region(NamedInLanguages):
    class Kind(models.TextChoices):
        MARZ = "marz", _("province (marz)")
        CAPITAL = "capital", _("capital city")
        RAION = "raion", _("district (raion)")
        MUNICIPALITY = "municipality", _("municipality")
        OBLAST = "oblast", _("region (oblast)")
        AUTONOMOUS = "autonomous", _("autonomous territorial unit")
        OTHER = "other", _("other territorial unit")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions",
                                verbose_name=_("country"))
    code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    genitive_hy = models.CharField(
        _("Armenian genitive"), max_length=200, blank=True,
        help_text=_("As in «Կոտայքի մարզ» — used by generated documents."))
    centre_hy = models.CharField(_("administrative centre (Armenian)"), max_length=200,
                                 blank=True)
    centre_en = models.CharField(_("administrative centre (English)"), max_length=200,
                                 blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    class Meta:
        ordering = ["country__code", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Community(NamedInLanguages, TimeStampedModel):
    """A local self-government unit (համայնք / hromada / LPA), identified by (region, name)."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communities",
                               verbose_name=_("region"))
    official_code = models.CharField(_("official code"), max_length=40, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="merged_from", verbose_name=_("merged into"))
    is_verified = models.BooleanField(
        _("verified"), default=True, db_index=True,
        help_text=_("Unverified rows come from a candidate list and await confirmation."))
    provenance = models.TextField(_("provenance"), blank=True)
    emblem = models.ForeignKey("core.StoredFile", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name=_("emblem"))
    # Lower-cased names in every script, kept by save(): search that works the same on
    # SQLite (whose LIKE folds only ASCII) and on PostgreSQL.
    search_text = models.TextField(editable=False, default="", db_index=False)

    class Meta:
        ordering = ["region__code", "name_hy", "name_en"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        constraints = [
            models.UniqueConstraint(fields=["region", "name_hy"], condition=~Q(name_hy=""),
                                    name="community_unique_hy_name_in_region"),
            models.UniqueConstraint(fields=["region", "name_en"], condition=~Q(name_en=""),
                                    name="community_unique_en_name_in_region"),
            models.CheckConstraint(condition=~Q(name_hy="", name_en=""),
                                   name="community_has_a_name"),
        ]
        indexes = [models.Index(fields=["is_verified", "region"]),
                   # the public directory's order over the rows it shows: a deep page is
                   # an index-only walk, not a sort of every community
                   models.Index(fields=["region", "name_hy", "name_en", "id"],
                                name="community_directory_order",
                                condition=models.Q(merged_into__isnull=True,
                                                   valid_to__isnull=True, is_verified=True))]

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return object_url("communities:detail", self.pk)

    def build_search_text(self) -> str:
        names = [self.name_hy, self.name_en, self.name_ro, self.name_uk, self.name_ru]
        return " | ".join(n.casefold() for n in names if n)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None and self.merged_into_id is None

    file_permission = "communities.view_private"

    def ownership(self) -> Owner:
        """No one network owns a community: the networks it works with (a membership or a
        membership application, read through their reverse names) are responsible for it;
        while there are none it is unclaimed (any network's secretariat may act)."""
        return self.owner

    @cached_property
    def owner(self) -> Owner:
        """`ownership()`, read once per loaded community (a page asks several times)."""
        if self.pk is None:
            return Owner(unclaimed=True)
        networks = frozenset(
            self.memberships.order_by().values_list("network_id", flat=True).union(
                self.membership_applications.order_by().values_list("network_id", flat=True)))
        return Owner(network_ids=networks, community_id=self.pk, unclaimed=not networks)


class Affiliation(TimeStampedModel):
    """A person's role *for a community* (head or staff), verified by the secretariat."""

    class Role(models.TextChoices):
        HEAD = "head", _("community head")
        STAFF = "staff", _("community staff")

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting verification")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")
        REVOKED = "revoked", _("revoked")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="affiliations", verbose_name=_("person"))
    community = models.ForeignKey(Community, on_delete=models.CASCADE,
                                  related_name="affiliations", verbose_name=_("community"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    position = models.CharField(_("position"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"], condition=Q(status__in=["pending", "verified"]),
                name="affiliation_one_open_per_person_and_community"),
            models.UniqueConstraint(
                fields=["community"], condition=Q(status="verified", role="head"),
                name="affiliation_one_verified_head_per_community"),
        ]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.community}"

    def ownership(self) -> Owner:
        return self.community.ownership()


class Organisation(TimeStampedModel):
    """An organisation of the shared registry, other than a community: a ministry, a donor,
    an NGO, a business, a university, an international body. Portfolios name them as
    stakeholders; events and advocacy will name them as hosts, speakers and targets. One row
    per organisation, whoever first added it (not free text in each module)."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("ministry or government body")
        PARLIAMENT = "parliament", _("parliament")
        LOCAL = "local", _("local self-government body or association")
        DONOR = "donor", _("donor or development partner")
        INTERNATIONAL = "international", _("international organisation")
        NGO = "ngo", _("non-governmental organisation")
        BUSINESS = "business", _("business")
        ACADEMIC = "academic", _("university or research body")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_hy = models.CharField(_("name in Armenian"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="organisations", verbose_name=_("country"))
    website = models.URLField(_("website"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["name_hy", "name_en", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.CheckConstraint(
            condition=~Q(name_hy="") | ~Q(name_en=""), name="organisation_has_a_name")]
        indexes = [models.Index(fields=["name_hy"]), models.Index(fields=["name_en"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def ownership(self) -> Owner:
        # the registry is shared: no network owns a row, any secretariat may correct it
        return Owner(unclaimed=True)


class Contact(TimeStampedModel):
    """A person of the shared registry who is not (necessarily) a platform user: the deputy
    minister, a donor's programme officer, a business owner — with their organisation."""

    full_name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="contacts",
                                     verbose_name=_("organisation"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.full_name} ({self.organisation})"
        return self.full_name

    def ownership(self) -> Owner:
        return Owner(unclaimed=True)
