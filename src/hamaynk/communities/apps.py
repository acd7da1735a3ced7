from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "hamaynk.communities"
    label = "communities"
    verbose_name = _("Communities")

    def ready(self) -> None:
        from hamaynk.communities import (
            audit_labels,  # noqa: F401
            notices,  # noqa: F401 - registers the notification kinds
            permissions,  # noqa: F401 - registers the rules
        )
        from hamaynk.communities.models import Community, Country, Region
        from hamaynk.communities.selectors import forget_filter_choices
        from hamaynk.communities.work import register_work
        from hamaynk.core import counts

        register_work()  # its items in the work queue
        counts.track(Community)  # the directory's and other lists' counts (core/counts.py)

        for model in (Country, Region):
            post_save.connect(forget_filter_choices, sender=model, dispatch_uid=f"choices-{model}")
            post_delete.connect(forget_filter_choices, sender=model,
                                dispatch_uid=f"choices-d-{model}")
