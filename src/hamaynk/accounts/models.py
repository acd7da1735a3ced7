from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person. Email is the login; roles come from affiliations and network roles."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("immediately")
        DIGEST = "digest", _("in a daily digest")
        OFF = "off", _("never (only essential messages)")

    class Gender(models.TextChoices):
        """Optional, stated by the person only; blank is "not stated"."""

        FEMALE = "female", _("woman")
        MALE = "male", _("man")
        OTHER = "other", _("another gender")

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=8, default="hy",
        choices=[("hy", _("Armenian")), ("en", _("English"))],
    )
    email_frequency = models.CharField(
        _("email for news and updates"), max_length=12, choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
        help_text=_("Messages about your own applications and accounts are always sent."),
    )
    # Asked only so that the programme can report how many women and men it trained; never
    # required, never shown to others, read only in aggregate (learning.selectors.figures).
    gender = models.CharField(
        _("gender"), max_length=8, choices=Gender.choices, blank=True, default="",
        help_text=_("Optional. Asked only to count, in totals, how many women and men the "
                    "programmes reach; never shown to anyone else."),
    )
    # The bell's number, kept by notifications.services (notify adds one, mark_read counts
    # again): it comes with the user row every signed-in page loads anyway, so no page
    # counts notifications.
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[misc, assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
