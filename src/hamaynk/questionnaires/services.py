"""Writes a questionnaire's owner runs inside its own save service."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model

from hamaynk.core.files import DOCUMENTS, store_upload
from hamaynk.core.models import StoredFile


def store_file_answers(*, uploads: Mapping[str, UploadedFile], owner: Model, actor: Any,
                       visibility: str = StoredFile.Visibility.COMMUNITY
                       ) -> dict[str, dict[str, Any]]:
    """Store a section's new uploads for their owner and return them as file answers
    (`{question_key: {"file_id", "name"}}`). Call it inside the owner's transaction, after
    its checks: a refused save then stores nothing. A refused file raises
    `ValidationError({question_key: ...})`; the files this call stored before it lose
    their bytes too (the transaction rolls their rows back)."""
    answers: dict[str, dict[str, Any]] = {}
    stored: list[StoredFile] = []
    try:
        for key, upload in uploads.items():
            try:
                kept = store_upload(upload=upload, uploaded_by=actor, allowed=DOCUMENTS,
                                    owner=owner, visibility=visibility)
            except ValidationError as exc:  # the refusal goes next to its question
                raise ValidationError({key: exc.error_list}) from exc
            stored.append(kept)
            answers[key] = {"file_id": kept.pk, "name": kept.original_name}
    except ValidationError:
        for kept in stored:
            if kept.file.name:
                kept.file.storage.delete(kept.file.name)
        raise
    return answers
