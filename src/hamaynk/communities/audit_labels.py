from django.utils.translation import gettext_lazy as _

from hamaynk.core.audit import register_actions

register_actions({
    "communities.affiliation.requested": _("Affiliation requested"),
    "communities.affiliation.verified": _("Affiliation verified"),
    "communities.affiliation.rejected": _("Affiliation rejected"),
    "communities.affiliation.revoked": _("Affiliation revoked"),
    "communities.community.confirmed": _("Community confirmed in the registry"),
    "communities.community.profile_changed": _("Community profile changed"),
    "communities.registry.imported": _("Registry imported"),
    "core.file.uploaded": _("File uploaded"),
    "core.file.discarded": _("File removed"),
    "accounts.user.preferences_changed": _("Preferences changed"),
    "communities.organisation.added": _("Organisation added to the registry"),
    "communities.organisation.changed": _("Organisation of the registry changed"),
    "communities.contact.added": _("Person added to the registry"),
})
