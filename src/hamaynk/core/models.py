"""Shared tables: the audit trail and uploaded files."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _


class ChoiceLabels(models.Model):
    """`get_<field>_display()` from a table kept on the field. Django rebuilds the table
    from the field's choices on every call (~50 µs for eight choices): a list of 25
    applications spent over a millisecond on its status column alone. The labels stay
    lazy, so the table is the same in every language; choices given by a callable are not
    kept (they may change)."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:  # noqa: N802 - Django's name
        labels = field.__dict__.get("_choice_labels")
        if labels is None:
            labels = dict(make_hashable(field.flatchoices))
            if not isinstance(field.choices, CallableChoiceIterator):
                field.__dict__["_choice_labels"] = labels
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class TimeStampedModel(ChoiceLabels):
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
