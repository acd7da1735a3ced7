"""A session as iCalendar (RFC 5545), for "add to calendar": the moments with the session's
own zone, the place or the link, and the session's page."""

from typing import Any

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from hamaynk.learning.models import Session


def session_ics(session: Session, *, request: Any = None) -> bytes:
    url = session.get_absolute_url()
    url = request.build_absolute_uri(url) if request is not None else (
        f"{settings.HAMAYNK_SITE_URL.rstrip('/')}{url}")
    calendar = Calendar()
    calendar.add("prodid", "-//Hamaynk//learning//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"learning-session-{session.pk}@hamaynk")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at.astimezone(session.zone))
    event.add("dtend", session.ends_at.astimezone(session.zone))
    event.add("summary", str(session))
    event.add("url", url)
    if session.place:
        event.add("location", session.place)
    elif session.online_url:
        event.add("location", session.online_url)
    description = "\n\n".join(part for part in (session.opportunity.description,
                                                 session.online_url, url) if part)
    event.add("description", description)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
