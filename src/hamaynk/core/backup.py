"""One archive of the database and the stored files, with a manifest; and its restore.

The database goes through Django's own serializers (`dumpdata`/`loaddata`, JSON Lines: one
object a line, written and read as a stream; every microsecond kept), so an archive made
on SQLite restores into PostgreSQL and back. Foreign keys to content types and permissions
are written by natural key; those two tables are not in the archive — `migrate` rebuilds
them in the target.
`loaddata` resets PostgreSQL's sequences after loading (`sqlsequencereset`).

Archive (`tar.gz`): `data.jsonl`, `files/<path>` for every file of the default storage,
and `manifest.json` last (format version, creation time, database vendor, migration state
per app, row count per table, each file's path, size and sha256).

Why not django-dbbackup (maintained, 5.4 in 2026-10): it runs the vendor's own tool
(`pg_dump`, SQLite's dump), so an archive restores only into the same vendor and needs
client tools matching the server, and it writes the database and the media as two
archives. Django's serializers are portable and need nothing outside Python.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone

FORMAT = "hamaynk-backup"
FORMAT_VERSION = 1
DATA_NAME = "data.jsonl"
MANIFEST_NAME = "manifest.json"
FILES_PREFIX = "files/"
# Rebuilt by `migrate` in the target (post_migrate), referred to by natural key.
REBUILT_MODELS = ("contenttypes.ContentType", "auth.Permission")
_CHUNK = 1024 * 1024
# Django's JSON Lines with every microsecond kept (read back by Django's own `jsonl`).
DUMP_FORMAT = "jsonl_exact"
serializers.register_serializer(DUMP_FORMAT, "hamaynk.core.serializers_exact")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class RestoreResult:
    rows: int
    tables: int
    files: int


# --- what is in a database -------------------------------------------------------------

def _archived_models() -> list[type[Model]]:
    """Every table the archive carries (many-to-many tables included, for their counts)."""
    rebuilt = {apps.get_model(label) for label in REBUILT_MODELS}
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and model not in rebuilt]


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per table, for the tables the archive carries."""
    return {model._meta.db_table: model._meta.base_manager.using(using).count()
            for model in _archived_models()}


def migration_state(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[using])
    state: dict[str, list[str]] = {}
    for app, name in sorted(recorder.applied_migrations()):
        state.setdefault(app, []).append(name)
    return state


def tables_with_data(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Tables of ours that already hold rows (an empty or unmigrated database has none)."""
    existing = set(connections[using].introspection.table_names())
    return [model._meta.db_table for model in _archived_models()
            if model._meta.db_table in existing
            and model._meta.base_manager.using(using).exists()]


# --- stored files -------------------------------------------------------------------------

def stored_file_names(storage: Storage | None = None) -> list[str]:
    """Every file of the storage, by its path inside it (sorted)."""
    storage = storage or default_storage
    names: list[str] = []
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        prefix = f"{folder}/" if folder else ""
        names.extend(prefix + name for name in files)
        pending.extend(prefix + name for name in dirs)
    return sorted(names)


def file_sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Reads a stream through a sha256, for tarfile.addfile."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(data)
        buffer.seek(0)
        tar.addfile(info, buffer)


def _add_stored_files(tar: tarfile.TarFile, storage: Storage) -> list[dict[str, Any]]:
    entries = []
    for name in stored_file_names(storage):
        info = tarfile.TarInfo(FILES_PREFIX + name)
        info.size = storage.size(name)
        info.mtime = int(timezone.now().timestamp())
        with storage.open(name, "rb") as stream:
            reader = _HashingReader(stream)
            tar.addfile(info, reader)  # type: ignore[arg-type]
        if reader.size != info.size:
            raise BackupError(f"The file {name} changed while it was being archived.")
        entries.append({"path": name, "size": info.size, "sha256": reader.digest.hexdigest()})
    return entries


# --- backup -------------------------------------------------------------------------------

def _dump_database(path: Path, using: str) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Write the data to `path` from one consistent snapshot; return counts and state."""
    connection = connections[using]
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic(using=using):
        if snapshot:  # one snapshot for every table (the default sees each commit)
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        counts = row_counts(using)
        state = migration_state(using)
        call_command("dumpdata", format=DUMP_FORMAT, output=str(path), database=using,
                     natural_foreign=True, use_base_manager=True, verbosity=0,
                     exclude=[label.lower() for label in REBUILT_MODELS])
    return counts, state


def default_archive_path(folder: Path) -> Path:
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"hamaynk-{stamp}.tar.gz"


def make_backup(*, destination: Path, using: str = DEFAULT_DB_ALIAS,
                storage: Storage | None = None) -> dict[str, Any]:
    """Write one archive to `destination` (through a `.partial` file); return the manifest."""
    storage = storage or default_storage
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="hamaynk-backup-") as scratch:
        data_path = Path(scratch) / DATA_NAME
        created_at = timezone.now()
        counts, state = _dump_database(data_path, using)
        with data_path.open("rb") as stream:
            data_sha256 = file_sha256(stream)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(data_path, arcname=DATA_NAME)
            files = _add_stored_files(tar, storage)
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": created_at.isoformat(),
                "database": {"vendor": connections[using].vendor, "alias": using},
                "migrations": state, "tables": counts,
                "data": {"path": DATA_NAME, "size": data_path.stat().st_size,
                         "sha256": data_sha256},
                "files": files,
            }
            _add_bytes(tar, MANIFEST_NAME,
                       json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    partial.replace(destination)
    return manifest


# --- restore ------------------------------------------------------------------------------

def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        stream = tar.extractfile(MANIFEST_NAME)
    except KeyError:
        stream = None
    if stream is None:
        raise BackupError("This is not a Hamaynk backup: it has no manifest.json.")
    manifest = json.load(stream)
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Unknown backup format {manifest.get('format')!r} version "
            f"{manifest.get('format_version')!r}; this code reads {FORMAT} {FORMAT_VERSION}.")
    return manifest


def _refuse_unless_empty(using: str, storage: Storage, manifest: dict[str, Any]) -> None:
    full = tables_with_data(using)
    if full:
        shown = ", ".join(full[:5]) + (" …" if len(full) > 5 else "")
        raise BackupError(
            f"The target database already has data ({len(full)} tables, e.g. {shown}). "
            "Restore only into an empty database, or pass --force to replace everything "
            "in it.")
    present = [entry["path"] for entry in manifest["files"] if storage.exists(entry["path"])]
    if present:
        raise BackupError(
            f"{len(present)} of the archive's files already exist in the file storage "
            f"(e.g. {present[0]}). Restore into empty storage, or pass --force.")


def _check_migrations(using: str, manifest: dict[str, Any]) -> None:
    here = migration_state(using)
    theirs = manifest["migrations"]
    differing = sorted(app for app in set(here) | set(theirs)
                       if here.get(app, []) != theirs.get(app, []))
    if differing:
        raise BackupError(
            "The backup was made with another migration state than this code has, for: "
            f"{', '.join(differing)}. Restore it with the code version that made it, then "
            "migrate.")


def _extract(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    stream = tar.extractfile(name)
    if stream is None:
        raise BackupError(f"The archive lacks {name}.")
    return stream


def _load_database(tar: tarfile.TarFile, manifest: dict[str, Any], using: str) -> None:
    with tempfile.TemporaryDirectory(prefix="hamaynk-restore-") as scratch:
        data_path = Path(scratch) / DATA_NAME
        with _extract(tar, DATA_NAME) as source, data_path.open("wb") as target:
            shutil.copyfileobj(source, target, _CHUNK)
        with data_path.open("rb") as stream:
            if file_sha256(stream) != manifest["data"]["sha256"]:
                raise BackupError("The archive's data does not match its manifest (sha256).")
        call_command("loaddata", str(data_path), database=using, verbosity=0)


def _restore_files(tar: tarfile.TarFile, manifest: dict[str, Any], storage: Storage,
                   *, force: bool) -> None:
    for entry in manifest["files"]:
        name = entry["path"]
        if force and storage.exists(name):
            storage.delete(name)
        with _extract(tar, FILES_PREFIX + name) as stream:
            saved = storage.save(name, File(stream, name=name))
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}.")


def verify(manifest: dict[str, Any], *, using: str = DEFAULT_DB_ALIAS,
           storage: Storage | None = None) -> list[str]:
    """What differs between the manifest and the database and files (empty: all equal)."""
    storage = storage or default_storage
    problems = []
    counts = row_counts(using)
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, manifest {expected}")
    for entry in manifest["files"]:
        name = entry["path"]
        if not storage.exists(name):
            problems.append(f"file {name}: missing")
            continue
        with storage.open(name, "rb") as stream:
            if file_sha256(stream) != entry["sha256"]:
                problems.append(f"file {name}: sha256 differs")
    return problems


def restore_backup(*, archive: Path, using: str = DEFAULT_DB_ALIAS,
                   storage: Storage | None = None, force: bool = False) -> RestoreResult:
    """Restore `archive` into an empty database and storage (or replace all with `force`),
    then check the counts and hashes against the manifest."""
    storage = storage or default_storage
    with tarfile.open(archive, "r:gz") as tar:
        manifest = read_manifest(tar)
        if not force:
            _refuse_unless_empty(using, storage, manifest)
        call_command("migrate", database=using, interactive=False, verbosity=0)
        _check_migrations(using, manifest)
        if force:
            call_command("flush", database=using, interactive=False, verbosity=0)
        _load_database(tar, manifest, using)
        _restore_files(tar, manifest, storage, force=force)
    problems = verify(manifest, using=using, storage=storage)
    if problems:
        raise BackupError("The restored data does not match the manifest: "
                          + "; ".join(problems))
    return RestoreResult(rows=sum(manifest["tables"].values()),
                         tables=len(manifest["tables"]), files=len(manifest["files"]))


def iter_manifest_summary(manifest: dict[str, Any]) -> Iterator[str]:
    yield f"created {manifest['created_at']} on {manifest['database']['vendor']}"
    yield (f"{sum(manifest['tables'].values())} rows in {len(manifest['tables'])} tables, "
           f"{len(manifest['files'])} files")
