"""Eligibility is data on the call, checked before anyone writes a word."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from hamaynk.communities.models import Community
from hamaynk.grants import extensions
from hamaynk.grants.models import Call, Grant
from hamaynk.networks.models import Membership


@dataclass(frozen=True)
class Rule:
    code: str
    ok: bool
    message: str


def country_names(codes: list[str]) -> str:
    """"Հայաստան, Մոլդովա" (in the active language), never the ISO codes; a code the
    registry does not know is shown as it is (the names come from the filters' cached
    options, so checking many calls asks nothing more of the database)."""
    from hamaynk.communities.selectors import filter_choices

    names = {code: name for code, name, _pk in filter_choices(codes)["countries"]}
    return ", ".join(names.get(code, code) for code in codes)


def check(call: Call, community: Community) -> list[Rule]:
    """Every eligibility rule of the call, passed or failed, with a message that says why."""
    rules: list[Rule] = []
    if call.eligible_statuses:
        status = (Membership.objects.filter(network=call.network_id, community=community)
                  .values_list("status", flat=True).first())
        labels = dict(Membership.Status.choices)
        wanted = ", ".join(str(labels.get(s, s)) for s in call.eligible_statuses)
        rules.append(Rule("membership", status in call.eligible_statuses,
                          _("Membership of %(network)s with status: %(statuses)s.")
                          % {"network": call.network.short_name, "statuses": wanted}))
    if call.eligible_countries:
        rules.append(Rule("country", community.region.country.code in call.eligible_countries,
                          _("A community of: %(countries)s.")
                          % {"countries": country_names(call.eligible_countries)}))
    if call.requires_completed_kind:
        done = Grant.objects.filter(community=community, status=Grant.Status.COMPLETED,
                                    call__kind=call.requires_completed_kind).exists()
        kind = dict(Call.Kind.choices)[call.requires_completed_kind]
        rules.append(Rule("previous_stage", done,
                          _("A completed %(kind)s.") % {"kind": kind}))
    cohort = call.eligible_cohort
    if cohort is not None:
        rules.append(Rule("cohort", cohort.members.filter(community=community).exists(),
                          _("A community of the coaching cohort “%(cohort)s”.")
                          % {"cohort": cohort}))
    for code in call.further_requirements:
        further = extensions.requirement(code)
        if further is None:  # its module is gone: refuse rather than let anyone through
            rules.append(Rule(code, False, _("A requirement this platform no longer knows "
                                             "(%(code)s).") % {"code": code}))
        else:
            rules.append(Rule(code, further.met(call, community), str(further.label)))
    return rules


def is_eligible(call: Call, community: Community) -> bool:
    return all(rule.ok for rule in check(call, community))
