"""The notification kinds of certificates (notifications/kinds.py)."""

from hamaynk.learning.models import Certificate
from hamaynk.notifications.kinds import register_kinds, register_models

T = "learning/notifications/"
register_kinds({
    "learning.certificate.issued": T + "certificate_issued",
    "learning.certificate.revoked": T + "certificate_revoked",
})
register_models({Certificate: ()})
