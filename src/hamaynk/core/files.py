"""The one way every module accepts an upload: checked by content and size, stored outside
the web root, served only through the permission-checked `core:file` view."""

import hashlib
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader

from hamaynk.core import audit
from hamaynk.core.models import StoredFile
from hamaynk.core.ownership import owner_of

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
# The main part that [Content_Types].xml names for each Office type (macro-enabled
# documents and templates have other content types, so they are not accepted).
_OFFICE_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Bounds on what an Office file (a ZIP) may unpack to, read from its directory without
# extracting anything: a zip bomb is refused before a byte of it is decompressed.
OFFICE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
OFFICE_MAX_ENTRIES = 2000
_CONTENT_TYPES_MAX_BYTES = 1024 * 1024
# A PDF must open with pypdf and tell its page count; longer documents are refused.
PDF_MAX_PAGES = 3000
logging.getLogger("pypdf").setLevel(logging.ERROR)  # a refused PDF is not a server problem


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


INLINE_TYPES = IMAGES | {PDF}
_UNSAFE_IN_NAME = re.compile(r"[^\w\- ]+")


def download_name(stored: StoredFile) -> str:
    """The name a file is served under: the stem of the uploader's name without path,
    control or format characters (no right-to-left override), and the extension of the
    detected type — the uploader's name never decides the extension."""
    base = (stored.original_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = _UNSAFE_IN_NAME.sub("_", unicodedata.normalize("NFKC", stem))
    stem = re.sub(r"[\s_]+", "_", stem).strip("_- ")[:100] or "file"
    return stem + _EXTENSIONS.get(stored.content_type, ".bin")


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def office_type(upload: UploadedFile) -> str | None:
    """DOCX or XLSX when the upload is the Office file its `[Content_Types].xml` says it is
    (a real ZIP naming the main part, which is present); None for any other ZIP. Raises
    ValidationError when the archive would unpack beyond the bounds."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > OFFICE_MAX_ENTRIES:
                raise _refuse(_("This document has too many parts (more than %(count)d).")
                              % {"count": OFFICE_MAX_ENTRIES}, "too_many_parts")
            if sum(entry.file_size for entry in entries) > OFFICE_MAX_UNPACKED_BYTES:
                raise _refuse(_("This document unpacks to more than %(limit)s; it cannot be "
                                "accepted.") % {"limit": filesizeformat(OFFICE_MAX_UNPACKED_BYTES)},
                              "too_large_unpacked")
            names = {entry.filename for entry in entries}
            info = next((e for e in entries if e.filename == "[Content_Types].xml"), None)
            if info is None or info.file_size > _CONTENT_TYPES_MAX_BYTES:
                return None
            declared = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        return None
    finally:
        upload.seek(0)
    return _main_part_type(declared, names)


def _main_part_type(declared: bytes, names: set[str]) -> str | None:
    if b"<!DOCTYPE" in declared.upper():
        return None  # no entities, no external references: not what Office writes
    try:
        root = ElementTree.fromstring(declared)  # noqa: S314 (no DOCTYPE, so no entities)
    except ElementTree.ParseError:
        return None
    found = {
        _OFFICE_MAIN[override.get("ContentType", "")]
        for override in root.iter(f"{_CT_NS}Override")
        if override.get("ContentType", "") in _OFFICE_MAIN
        and override.get("PartName", "").lstrip("/") in names
    }
    return found.pop() if len(found) == 1 else None


_PDF_TAIL_BYTES = 64 * 1024


def _tail(upload: UploadedFile, size: int) -> bytes:
    upload.seek(max((upload.size or 0) - size, 0))
    tail = upload.read(size)
    upload.seek(0)
    return tail


_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF")
_XREF_START = re.compile(rb"\s*(xref|\d{1,10}\s+\d{1,5}\s+obj)")


def _xref_where_it_says(upload: UploadedFile) -> bool:
    """The file ends with `startxref <offset> %%EOF` (every PDF writer does) and a
    cross-reference table or stream starts at that offset."""
    found = _STARTXREF.findall(_tail(upload, _PDF_TAIL_BYTES))
    if not found or int(found[-1]) >= (upload.size or 0):
        return False
    upload.seek(int(found[-1]))
    start = upload.read(64)
    upload.seek(0)
    return _XREF_START.match(start) is not None


def check_pdf(upload: UploadedFile) -> None:
    """A PDF must open as one: pypdf (lenient) reads its page count, bounded."""
    upload.seek(0)
    unreadable = _refuse(_("This file starts like a PDF but cannot be read as one. Save it "
                           "again as PDF and upload it once more."), "bad_pdf")
    if not _xref_where_it_says(upload):
        # Without a cross-reference table where the file's end says, pypdf would rebuild
        # one by scanning the whole file (seconds for 10 MB of hostile bytes).
        raise unreadable
    try:
        reader = PdfReader(upload, strict=False)
        # Restricted with an empty password (it opens in any reader) is fine.
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(_("This PDF is protected by a password. Upload it without the "
                            "password."), "encrypted_pdf")
        tree: Any = reader.root_object["/Pages"]
        declared = int(tree["/Count"])
        if declared > PDF_MAX_PAGES:
            raise _refuse(_("This PDF has more than %(count)d pages.")
                          % {"count": PDF_MAX_PAGES}, "too_many_pages")
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on hostile input
        raise unreadable from exc
    finally:
        upload.seek(0)
    if not 0 < pages <= PDF_MAX_PAGES:
        raise unreadable


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
    if detected in (DOCX, XLSX) or head.startswith(b"PK\x03\x04"):
        # Any ZIP looks like DOCX to magic numbers: ask the archive what it holds.
        detected = office_type(upload)
    if detected not in allowed:
        raise ValidationError(
            _("This file's content is not an accepted type. Accepted: %(types)s.")
            % {"types": ", ".join(sorted(_LABELS.get(t, t) for t in allowed))},
            code="bad_type",
        )
    if detected == PDF:
        check_pdf(upload)
    return detected


@transaction.atomic
def store_upload(*, upload: UploadedFile, uploaded_by: Any, allowed: Iterable[str],
                 owner: Model | None = None,
                 visibility: str = StoredFile.Visibility.PRIVATE) -> StoredFile:
    """Validate and store one upload for its owner (the object it is uploaded for, whose
    viewers may download it; see StoredFile; the community it belongs to is the owner's);
    records `core.file.uploaded` in the audit trail."""
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
        community_id_ref=owner_of(owner).community_id,
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


def discard_stored(*, stored: StoredFile | None, actor: Any, reason: str,
                   owner: Any = None) -> None:
    """Remove a file nothing needs any more (replaced, or its document removed): the row at
    once, so it can no longer be downloaded, and the bytes once the transaction commits
    (a rolled-back change keeps them). Records `core.file.discarded` in the history of
    `owner` (the object that held the file) when given."""
    if stored is None:
        return
    storage, name = stored.file.storage, stored.file.name
    audit.record(action="core.file.discarded", actor=actor, target=owner or stored,
                 data={"file": stored.pk, "name": stored.original_name, "reason": reason})
    stored.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def replace_stored(*, old: StoredFile | None, new: StoredFile | None, actor: Any,
                   owner: Any = None) -> StoredFile | None:
    """Return `new`, discarding `old` when it is another file (for fields that keep no
    history: use it inside the service that sets the field)."""
    if old is not None and (new is None or new.pk != old.pk):
        discard_stored(stored=old, actor=actor, reason="replaced", owner=owner)
    return new


def discard_dropped(*, before: Iterable[int], after: Iterable[int], actor: Any,
                    owner: Any = None) -> None:
    """Discard the files of `before` that `after` no longer names (answers that held files)."""
    dropped = set(before) - set(after)
    for stored in StoredFile.objects.filter(pk__in=dropped).order_by("pk"):
        discard_stored(stored=stored, actor=actor, reason="replaced", owner=owner)
