"""Comments on a portfolio: its own people's, its coach's, the secretariat's, and the
cohort's peers' once it is shared with them."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hamaynk.accounts.models import User
from hamaynk.core import audit
from hamaynk.core.errors import DomainError
from hamaynk.core.workflow import require
from hamaynk.portfolios.models import Comment, Portfolio

MAX_COMMENT = 4000


@transaction.atomic
def comment_add(*, portfolio: Portfolio, actor: User, text: str) -> Comment:
    """A comment at the end of the portfolio's comments."""
    require(actor, "portfolios.comment", portfolio)
    text = text.strip()
    if not text:
        raise DomainError(_("Write the comment."), field="text")
    if len(text) > MAX_COMMENT:
        raise DomainError(_("At most %(n)s characters.") % {"n": MAX_COMMENT}, field="text")
    comment = Comment.objects.create(portfolio=portfolio, author=actor, text=text)
    audit.record(action="portfolios.comment.added", actor=actor, target=portfolio,
                 data={"comment": comment.pk})
    return comment
