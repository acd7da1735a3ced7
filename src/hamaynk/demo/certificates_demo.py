"""Demo certificates: Akunk's staff member holds one from an earlier M4EG workshop (and a
revoked one, issued to her by mistake), so My certificates and the public check by code have
something to show. Matched by source, never duplicated."""

import datetime
from decimal import Decimal

from hamaynk.accounts.models import User
from hamaynk.communities.models import Community
from hamaynk.learning.services.certificates import certificate_issue, certificate_revoke
from hamaynk.networks.models import Network

SOURCE = "demo.workshop"


def load(network: Network, secretariat: User | None) -> None:
    staff = User.objects.filter(email="staff.akunk@demo.hamaynk.am").first()
    akunk = Community.objects.filter(region__code="AM-KT", name_hy="Ակունք").first()
    if secretariat is None or staff is None or akunk is None:
        return
    today = datetime.date.today()
    certificate_issue(
        network=network, actor=secretariat, person=staff, community=akunk,
        name=staff.full_name or "Աննա Հակոբյան",
        title_hy="«Ռեսուրսների ներգրավում և ֆինանսավորման նոր աղբյուրներ» սեմինար",
        title_en="Workshop “Resource mobilisation and new funding sources”",
        hours=Decimal("12"), completed_on=today - datetime.timedelta(days=40),
        source_kind=SOURCE, source_id=1)
    mistaken = certificate_issue(
        network=network, actor=secretariat, person=staff, community=akunk,
        name=staff.full_name or "Աննա Հակոբյան",
        title_hy="«Թվային հմտություններ համայնքային ծառայողների համար» դասընթաց",
        title_en="Course “Digital skills for municipal staff”",
        hours=Decimal("6"), completed_on=today - datetime.timedelta(days=20),
        source_kind=SOURCE, source_id=2)
    if not mistaken.is_revoked:
        certificate_revoke(certificate=mistaken, actor=secretariat,
                           reason="Տրվել է սխալմամբ․ մասնակիցը դասընթացն ավարտել է հաջորդ "
                                  "հոսքում։")

