"""Shared tables: the audit trail and uploaded files."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Who did what, when, to which object — written by services, never edited."""

    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    target_repr = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{self.action} {self.target_repr}"

    @property
    def label(self) -> str:
        from hamaynk.core.audit import action_label

        return str(action_label(self.action))


class StoredFile(TimeStampedModel):
    """An uploaded file, checked by content, stored outside the web root.

    Who may download it through `core:file`: anyone, when it is public; otherwise whoever may
    see its *owner* (the object it was uploaded for: an application, a plan, a report), as
    the owner's class says in `file_permission`. A file that has no owner yet is seen by its
    uploader alone.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        COMMUNITY = "community", _("the community and the secretariat")
        PRIVATE = "private", _("the uploader and the secretariat")

    file = models.FileField(upload_to="uploads/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    visibility = models.CharField(max_length=20, choices=Visibility.choices,
                                  default=Visibility.PRIVATE)
    community_id_ref = models.BigIntegerField(null=True, blank=True, db_index=True,
                                              help_text="Community the file belongs to, if any.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    owner_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    owner_id = models.CharField(max_length=64, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return self.original_name


class JobLease(models.Model):
    """One periodic job's lease (core/scheduling.py): the scheduler that moves `held_until`
    forward first runs the job; another scheduler process finds it held and skips."""

    name = models.CharField(max_length=100, unique=True)
    held_until = models.DateTimeField()
    holder = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name
