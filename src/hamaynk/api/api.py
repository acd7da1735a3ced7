"""The API: one NinjaAPI that mounts each app's router (`<app>/api.py`); their shared
pieces (pagination, query value types) are `core.api`'s."""

from ninja import NinjaAPI

from hamaynk.communities.api import router as communities_router
from hamaynk.grants.api import router as grants_router
from hamaynk.learning.api import router as learning_router
from hamaynk.networks.api import router as networks_router
from hamaynk.portfolios.api import router as portfolios_router

api = NinjaAPI(title="Hamaynk API", version="1", urls_namespace="api",
               description="The registry of communities, networks and their members; a signed-in "
               "person's own membership applications.")
api.add_router("/", communities_router)
api.add_router("/", networks_router)
api.add_router("/", grants_router)
api.add_router("/", learning_router)
api.add_router("/", portfolios_router)
