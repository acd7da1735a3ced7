"""Who may download a stored file: a file inherits its owner's visibility.

The owner's class names the permission that lets someone see its files
(`file_permission`, e.g. "grants.view_application_files"); the app that owns the class
defines that permission with predicates that ask the owner's network and community.
"""

from typing import Any

import rules

from hamaynk.core.models import StoredFile


@rules.predicate
def file_is_public(user: Any, stored: StoredFile | None) -> bool:
    return stored is not None and stored.visibility == StoredFile.Visibility.PUBLIC


@rules.predicate
def owner_permits(user: Any, stored: StoredFile | None) -> bool:
    """The user may see the object the file belongs to."""
    if stored is None or stored.owner_type_id is None:
        return False
    owner = stored.owner
    permission = getattr(owner, "file_permission", None)
    return bool(owner is not None and permission and user.has_perm(permission, owner))


@rules.predicate
def uploaded_unowned_file(user: Any, stored: StoredFile | None) -> bool:
    """An upload not yet attached to anything is its uploader's alone."""
    return (stored is not None and stored.owner_type_id is None
            and getattr(user, "is_authenticated", False)
            and stored.uploaded_by_id == getattr(user, "pk", None))


rules.add_perm("core.view_file", file_is_public | owner_permits | uploaded_unowned_file)
