"""Test settings: the same as production-like settings, with fast hashing and an in-test queue."""

import os

os.environ.setdefault("DEBUG", "on")
os.environ.setdefault("SECURE_COOKIES", "off")

from hamaynk.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HAMAYNK_REQUIRE_MFA_FOR_SECRETARIAT = False
HAMAYNK_FRAGMENT_CACHE_SECONDS = 3600  # as in production: a change must never show old values
ACCOUNT_RATE_LIMITS = False  # type: ignore[assignment]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A second, empty database that the backup round-trip test restores into (created only
# when a collected test asks for it: core/tests/test_backup.py).
DATABASES["restore"] = {  # noqa: F405
    **DATABASES["default"],  # noqa: F405
    "NAME": (f"{DATABASES['default']['NAME']}_restore"  # noqa: F405
             if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"  # noqa: F405
             else str(VAR_DIR / "restore.sqlite3")),  # noqa: F405
    "TEST": {},
}
