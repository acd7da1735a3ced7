"""What other modules add to grants without grants importing them.

A module registers here, in its AppConfig.ready(), and grants calls what was registered: the
dependency goes one way (the other module imports grants, never the reverse). Two things may
be added:

- a **further requirement** a call may ask of the communities that apply (eligibility as
  data: the call keeps the requirement's code in `Call.further_requirements`, the call form
  offers every registered one, the call page checks it with the others);
- **links** shown on an application's page (e.g. the portfolio intervention it funds), each
  chosen by its module for the person who looks.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Requirement:
    code: str
    label: Promise | str  # lazy: said in the language of whoever reads it
    met: Callable[[Any, Any], bool]  # (call, community) -> whether the community meets it


@dataclass(frozen=True)
class Link:
    label: str  # what the link is, e.g. "Funds the intervention"
    text: str  # what it names
    url: str


_REQUIREMENTS: dict[str, Requirement] = {}
_LINK_SOURCES: list[Callable[[Any, Any], list[Link]]] = []


def register_requirement(requirement: Requirement) -> None:
    _REQUIREMENTS[requirement.code] = requirement


def requirement(code: str) -> Requirement | None:
    return _REQUIREMENTS.get(code)


def requirement_choices() -> list[tuple[str, str]]:
    return [(code, str(r.label)) for code, r in sorted(_REQUIREMENTS.items())]


def register_application_links(source: Callable[[Any, Any], list[Link]]) -> None:
    """`source(application, user)` returns the links that person may see (often none)."""
    if source not in _LINK_SOURCES:
        _LINK_SOURCES.append(source)


def application_links(application: Any, user: Any) -> list[Link]:
    return [link for source in _LINK_SOURCES for link in source(application, user)]
