from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hamaynk.accounts import services
from hamaynk.accounts.forms import PreferencesForm
from hamaynk.core.middleware import supported


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered in a cookie and, if signed in, on the user."""
    code = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if not supported(code):
        messages.error(request, _("This language is not available."))
        return response
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code,
                        max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax")
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=code)  # type: ignore[arg-type]
    return response


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update_preferences(
            user=request.user,  # type: ignore[arg-type]
            full_name=form.cleaned_data["full_name"],
            preferred_language=form.cleaned_data["preferred_language"],
            email_frequency=form.cleaned_data["email_frequency"],
            gender=form.cleaned_data.get("gender") or "",
        )
        messages.success(request, _("Your preferences are saved."))
        response = redirect("accounts:preferences")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.preferred_language,
                            max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax")
        return response
    return render(request, "accounts/preferences.html", {"form": form})
