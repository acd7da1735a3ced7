from django.http import HttpRequest, HttpResponse


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse("")


def our_learning(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
