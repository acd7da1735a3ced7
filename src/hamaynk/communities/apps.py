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
        from hamaynk.communities.models import Country, Region
        from hamaynk.communities.selectors import forget_filter_choices

        for model in (Country, Region):
            post_save.connect(forget_filter_choices, sender=model, dispatch_uid=f"choices-{model}")
            post_delete.connect(forget_filter_choices, sender=model,
                                dispatch_uid=f"choices-d-{model}")
