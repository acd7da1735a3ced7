"""Who may do what with a portfolio.

* The community's verified head and staff write their portfolio (mission, challenges,
  stakeholders, interventions, learning, risks, workplan); its head decides who sees it.
* The coach assigned to the community (in the cohort) and the network's secretariat see it,
  comment, and run its sensemaking sessions.
* The cohort's other communities see it (and comment) once it is shared with the cohort;
  everyone sees its public summary once it is published.
Everyone else gets a 404, the same as for a missing object."""

from typing import Any

import rules

from hamaynk.accounts.permissions import (
    acts_for_the_owner,
    heads_the_owner,
    is_coach,
    network_ids_served,
    serves_the_owner,
    verified_community_ids,
)
from hamaynk.portfolios.models import Portfolio


def _portfolio(obj: Any) -> Portfolio | None:
    if isinstance(obj, Portfolio):
        return obj
    found = getattr(obj, "portfolio", None)
    return found if isinstance(found, Portfolio) else None


@rules.predicate
def coaches_the_portfolio(user: Any, obj: Any) -> bool:
    portfolio = _portfolio(obj)
    return (portfolio is not None and portfolio.member.coach_id is not None
            and portfolio.member.coach_id == getattr(user, "pk", None))


@rules.predicate
def is_a_cohort_peer(user: Any, obj: Any) -> bool:
    """A verified head or staff member of another community of the same cohort, once the
    portfolio is shared with the cohort (or published)."""
    portfolio = _portfolio(obj)
    if portfolio is None or portfolio.sharing == Portfolio.Sharing.PRIVATE:
        return False
    mine = verified_community_ids(user)
    if not mine:
        return False
    return portfolio.member.cohort.members.filter(community_id__in=mine).exists()


@rules.predicate
def is_published(user: Any, obj: Any) -> bool:
    portfolio = _portfolio(obj)
    return portfolio is not None and portfolio.sharing == Portfolio.Sharing.PUBLIC


follows = serves_the_owner | coaches_the_portfolio
rules.add_perm("portfolios.view_portfolio", acts_for_the_owner | follows | is_a_cohort_peer)
rules.add_perm("portfolios.view_summary", is_published | acts_for_the_owner | follows
               | is_a_cohort_peer)
rules.add_perm("portfolios.edit_portfolio", acts_for_the_owner)
rules.add_perm("portfolios.share_portfolio", heads_the_owner)
rules.add_perm("portfolios.comment", acts_for_the_owner | follows | is_a_cohort_peer)
rules.add_perm("portfolios.run_sensemaking", follows)
# the cohort's portfolios (a cohort says its network as owner)
rules.add_perm("portfolios.start_portfolio", acts_for_the_owner | serves_the_owner)
# a snapshot of the portfolio as it is now (sessions take theirs; anyone who writes or
# follows the portfolio may take one when they wish)
rules.add_perm("portfolios.take_snapshot", acts_for_the_owner | follows)


@rules.predicate
def names_what_it_funds(user: Any, application: Any) -> bool:
    """Which intervention a grant application funds is said by its community while the
    application is a draft; the network's secretariat may correct it at any time."""
    if serves_the_owner(user, application):
        return True
    return application.status == "draft" and acts_for_the_owner(user, application)


rules.add_perm("portfolios.name_funded_intervention", names_what_it_funds)


@rules.predicate
def may_view_its_portfolio(user: Any, evidence: Any) -> bool:
    """An evidence file is seen by whoever may see the portfolio of its challenge."""
    portfolio = _portfolio(getattr(evidence, "challenge", None))
    return portfolio is not None and user.has_perm("portfolios.view_portfolio", portfolio)


rules.add_perm("portfolios.view_evidence_file", may_view_its_portfolio)


@rules.predicate
def may_follow_portfolios(user: Any) -> bool:
    """Whoever can have a portfolio to see: a community's verified people, a coach, a
    network's secretariat (the header's link to the index)."""
    return bool(verified_community_ids(user)) or is_coach(user) or bool(
        network_ids_served(user))


rules.add_perm("portfolios.view_index", may_follow_portfolios)
