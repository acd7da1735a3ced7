import pytest
from django.urls import reverse

from hamaynk.notifications.models import Notification
from hamaynk.notifications.tests.test_notifications import tell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "9" * 5000, "99999999999999999999", "-1", "\x00"])
def test_marking_read_with_a_junk_id_is_no_server_error_and_marks_nothing(client, world, value):
    tell(world.head)
    client.force_login(world.head)
    client.raise_request_exception = False
    response = client.post(reverse("notifications:read"), {"id": value})
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=world.head, read_at__isnull=True).count() == 1
