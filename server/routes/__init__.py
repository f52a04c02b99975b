"""HTTP routes, one module per feature; each exposes `router`. create_app includes `ROUTERS`."""

from __future__ import annotations

from types import ModuleType

from server.routes import accounts, api, health, home, katas, practice, progress, questions

__all__ = ["ROUTERS"]

# Add a feature's routes by adding its module here.
ROUTERS: tuple[ModuleType, ...] = (
    accounts,
    questions,
    home,
    practice,
    progress,
    katas,
    api,
    health,
)
