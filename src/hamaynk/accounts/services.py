from django.db import transaction

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.middleware import supported


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    if not supported(language):
        raise DomainError("unsupported language", field="language")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return user


@transaction.atomic
def user_update_preferences(*, user: User, full_name: str, preferred_language: str,
                            email_frequency: str, gender: str | None = None) -> User:
    """Save a person's own preferences. `gender` None leaves it as it is; "" is "not
    stated". The audit entry says that the gender changed, never what it is."""
    fields = ("full_name", "preferred_language", "email_frequency")
    # Read the stored values: a bound ModelForm may already have changed the instance.
    stored = User.objects.filter(pk=user.pk).values(*fields, "gender").get()
    before = {k: stored[k] for k in fields}
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.email_frequency = email_frequency
    user.gender = stored["gender"] if gender is None else gender
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language", "email_frequency", "gender"])
    after = {"full_name": user.full_name, "preferred_language": user.preferred_language,
             "email_frequency": user.email_frequency}
    if user.gender != stored["gender"]:
        before["gender"], after["gender"] = "", "changed"
    if before != after:
        audit.record(action="accounts.user.preferences_changed", actor=user, target=user,
                     data={"before": before, "after": after})
    return user
