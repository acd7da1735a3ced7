"""Cache-Control: no-store on whatever a signed-in person sees and on private files
(issue 12)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.cache import get_max_age

from hamaynk.core.models import StoredFile

pytestmark = pytest.mark.django_db
PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
             b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def cache_control(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def stored_file(world, visibility: str) -> StoredFile:  # type: ignore[no-untyped-def]
    return StoredFile.objects.create(
        file=ContentFile(PNG_BYTES, name="logo.png"), original_name="logo.png",
        content_type="image/png", size=len(PNG_BYTES), sha256="0" * 64, visibility=visibility,
        community_id_ref=world.akunk.pk, uploaded_by=world.head)


def test_pages_for_a_signed_in_person_are_never_stored(client, world):
    client.force_login(world.head)
    for url in (reverse("dashboard"), "/", "/communities/", f"/communities/{world.akunk.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"no-store", "private"} <= cache_control(response), url
        assert get_max_age(response) in (None, 0), url


def test_public_pages_for_visitors_keep_their_caching(client, world):
    for url in ("/", "/communities/", f"/communities/{world.akunk.pk}/"):
        assert "no-store" not in cache_control(client.get(url)), url


@pytest.mark.parametrize("visibility", ["community", "private"])
def test_private_file_is_never_stored(client, world, visibility):
    stored = stored_file(world, visibility)
    client.force_login(world.head)
    response = client.get(reverse("file", args=[stored.pk]))
    assert response.status_code == 200
    assert {"no-store", "private"} <= cache_control(response)


def test_public_file_for_a_visitor_is_not_marked_private(client, world):
    stored = stored_file(world, "public")
    response = client.get(reverse("file", args=[stored.pk]))
    assert response.status_code == 200 and "no-store" not in cache_control(response)
