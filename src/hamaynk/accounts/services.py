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
                            email_frequency: str) -> User:
    fields = ("full_name", "preferred_language", "email_frequency")
    # Read the stored values: a bound ModelForm may already have changed the instance.
    before = User.objects.filter(pk=user.pk).values(*fields).get()
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.email_frequency = email_frequency
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language", "email_frequency"])
    after = {"full_name": user.full_name, "preferred_language": user.preferred_language,
             "email_frequency": user.email_frequency}
    if before != after:
        audit.record(action="accounts.user.preferences_changed", actor=user, target=user,
                     data={"before": before, "after": after})
    return user
