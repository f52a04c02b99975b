"""HTTP routes, one module per feature; each exposes `router`. create_app includes `ROUTERS`."""

from __future__ import annotations

from types import ModuleType

from server.routes import (
    accounts,
    api,
    api_docs,
    attempts_api,
    authoring,
    health,
    hiring_api,
    home,
    katas,
    manage,
    mock,
    practice,
    progress,
    questions,
    take,
    take_api,
)

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
    api_docs,
    attempts_api,
    mock,
    hiring_api,
    take_api,
    take,
    manage,
    authoring,
    health,
)
