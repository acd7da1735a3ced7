from hamaynk.networks.views.applications import (
    application_decide,
    application_detail,
    application_edit,
    application_pdf,
    application_queue,
    application_sign,
    application_start,
    application_withdraw,
    council_document,
    council_package,
)
from hamaynk.networks.views.general import detail, team, team_remove
from hamaynk.networks.views.members import (
    member_directory,
    member_export,
    membership_action,
    membership_detail,
    plan_decide,
    plan_submit,
)
from hamaynk.networks.views.setup import council_template_edit, network_settings

__all__ = [
    "application_decide", "application_detail", "application_edit", "application_pdf",
    "application_queue",
    "application_sign", "application_start", "application_withdraw", "council_document",
    "council_package", "council_template_edit", "detail",
    "member_directory", "member_export", "membership_action", "membership_detail",
    "network_settings", "plan_decide", "plan_submit", "team", "team_remove",
]
