from django.http import HttpRequest, HttpResponse

from hamaynk.communities.models import Community
from hamaynk.core.parsing import parse_id


def floor(request: HttpRequest) -> HttpResponse:
    """The framework's floor for load tests: one indexed query, a tiny response."""
    name = Community.objects.filter(pk=parse_id(request.GET.get("id")) or 1).values_list(
        "name_en", flat=True).first()
    return HttpResponse(name or "-", content_type="text/plain")
