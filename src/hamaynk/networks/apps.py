from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "hamaynk.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from hamaynk.communities.models import Community
        from hamaynk.core import counts
        from hamaynk.core.audit import register_actions
        from hamaynk.networks import notices, permissions  # noqa: F401 - registers them
        from hamaynk.networks.models import Membership, Network, follow_community
        from hamaynk.networks.selectors import forget_network_choices
        from hamaynk.networks.work import register_work

        register_work()  # its items in the work queue
        counts.track(Membership)
        post_save.connect(follow_community, sender=Community, dispatch_uid="members-listed")

        post_save.connect(forget_network_choices, sender=Network, dispatch_uid="choices-network")
        post_delete.connect(forget_network_choices, sender=Network,
                            dispatch_uid="choices-d-network")

        register_actions({
            "networks.role.granted": _("Network role granted"),
            "networks.role.revoked": _("Network role removed"),
            "networks.network.rules_changed": _("Membership rules changed"),
            "networks.network.commitments_changed": _("Commitments changed"),
            "networks.network.council_template_changed": _("Council texts changed"),
            "networks.application.started": _("Application started"),
            "networks.application.updated": _("Application updated"),
            "networks.application.signed": _("Application signed by the community head"),
            "networks.application.submitted": _("Application submitted"),
            "networks.application.changes_requested": _("Changes requested"),
            "networks.application.approved": _("Application approved"),
            "networks.application.rejected": _("Application rejected"),
            "networks.application.withdrawn": _("Application withdrawn"),
            "networks.membership.created": _("Membership began"),
            "networks.membership.acting": _("Became an acting member (development plan "
                                            "approved)"),
            "networks.membership.suspended": _("Membership suspended"),
            "networks.membership.reinstated": _("Membership reinstated"),
            "networks.membership.withdrawn": _("Community withdrew from the network"),
            "networks.plan.submitted": _("Development plan submitted"),
            "networks.plan.approved": _("Development plan approved"),
            "networks.plan.returned": _("Development plan returned for changes"),
            "networks.plan.reminder_sent": _("Development plan reminder sent"),
        })
