from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hamaynk.core.parsing import parse_id
from hamaynk.notifications import selectors, services


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = selectors.notification_page(user=request.user,  # type: ignore[arg-type]
                                       page=request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page_obj": page})


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("id", "")
    notification_id = parse_id(raw)
    if notification_id is not None or raw == "":  # no id: all; a junk id: none
        services.mark_read(recipient=request.user,  # type: ignore[arg-type]
                           notification_id=notification_id)
    return redirect("notifications:inbox")
