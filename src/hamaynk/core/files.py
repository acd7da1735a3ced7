"""The one way every module accepts an upload: checked by content and size, stored outside
the web root, served only through the permission-checked `core:file` view."""

import hashlib
from collections.abc import Iterable
from typing import Any

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from hamaynk.core import audit
from hamaynk.core.models import StoredFile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
IMAGES = frozenset({PNG, JPEG, WEBP})
DOCUMENTS = frozenset({PDF, DOCX}) | IMAGES

_EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", PNG: ".png", JPEG: ".jpg",
               WEBP: ".webp"}
_LABELS = {PDF: "PDF", DOCX: "DOCX", XLSX: "XLSX", PNG: "PNG", JPEG: "JPEG", WEBP: "WebP"}


def sniff(head: bytes) -> str | None:
    """The content type that the bytes themselves show, whatever the file is called."""
    if head.startswith(b"%PDF-"):
        return PDF
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:
        ext = match.extension.lower()
        for mime, known in _EXTENSIONS.items():
            if ext == known or (mime == JPEG and ext in {".jpeg", ".jfif"}):
                return mime
    return None


def validate_upload(upload: UploadedFile, *, allowed: Iterable[str],
                    max_bytes: int | None = None) -> str:
    """Return the detected content type, or raise ValidationError with a clear message."""
    allowed = frozenset(allowed)
    limit = max_bytes or settings.HAMAYNK_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(64 * 1024)
    upload.seek(0)
    detected = sniff(head)
    if detected not in allowed:
        raise ValidationError(
            _("This file's content is not an accepted type. Accepted: %(types)s.")
            % {"types": ", ".join(sorted(_LABELS.get(t, t) for t in allowed))},
            code="bad_type",
        )
    return detected


@transaction.atomic
def store_upload(*, upload: UploadedFile, uploaded_by: Any, allowed: Iterable[str],
                 owner: Model | None = None,
                 visibility: str = StoredFile.Visibility.PRIVATE,
                 community_id: int | None = None) -> StoredFile:
    """Validate and store one upload for its owner (the object it is uploaded for, whose
    viewers may download it; see StoredFile); records `core.file.uploaded` in the audit
    trail."""
    content_type = validate_upload(upload, allowed=allowed)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stored = StoredFile(
        original_name=(upload.name or "file")[:255],
        content_type=content_type,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        visibility=visibility,
        community_id_ref=community_id,
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
    )
    if owner is not None:
        stored.owner = owner
    # The stored name never comes from the user: a random-looking name and our own extension.
    stored.file.save(f"{digest.hexdigest()[:16]}{_EXTENSIONS[content_type]}", upload, save=False)
    stored.save()
    audit.record(action="core.file.uploaded", actor=uploaded_by, target=stored,
                 data={"name": stored.original_name, "size": stored.size})
    return stored
