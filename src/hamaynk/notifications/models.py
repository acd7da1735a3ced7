from typing import Any

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something the platform told one person, in their language, at the time it happened."""

    class Email(models.TextChoices):
        PENDING = "pending", _("to send")
        SENT = "sent", _("sent")
        DIGEST = "digest", _("waiting for the daily digest")
        SKIPPED = "skipped", _("not sent (by preference)")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications")
    kind = models.CharField(max_length=100)
    essential = models.BooleanField(
        default=False, help_text="Transactional messages are emailed whatever the preference.")
    params = models.JSONField(default=dict, blank=True,
                              help_text="What the kind's templates need: plain values and "
                                        "references to objects (notifications/kinds.py).")
    # Only rows written before kinds were registered (kind "notifications.legacy") keep
    # their text here; every other notification is rendered when it is shown.
    stored_subject = models.CharField(_("subject"), max_length=300, blank=True)
    stored_body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=8, help_text="The language it was emailed in.")
    email_status = models.CharField(max_length=10, choices=Email.choices, default=Email.PENDING)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status", "recipient"]),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.subject

    def remember_rendering(self, language: str, rendered: Any) -> None:
        self._renderings = {**getattr(self, "_renderings", {}), language: rendered}

    def rendered(self, language: str | None = None) -> Any:
        """Its text in `language` (the active one by default), rendered once."""
        from hamaynk.notifications.kinds import render_all

        language = language or translation.get_language() or settings.LANGUAGE_CODE
        if language not in getattr(self, "_renderings", {}):
            render_all([self], language=language)
        return self._renderings[language]

    @property
    def subject(self) -> str:
        return str(self.rendered().subject)

    @property
    def body(self) -> str:
        return str(self.rendered().body)
