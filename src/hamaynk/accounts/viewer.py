"""Who asks a selector: a signed-in person or a visitor (`request.user`'s type)."""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from hamaynk.accounts.models import User

Viewer: TypeAlias = User | AnonymousUser
