from ninja import NinjaAPI

from hamaynk.api.communities import router as communities_router

api = NinjaAPI(title="Hamaynk API", version="1", urls_namespace="api",
               description="Public registry of communities, regions and countries.")
api.add_router("/", communities_router)
