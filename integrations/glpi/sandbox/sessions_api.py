"""The session endpoints: initSession, killSession, the profile and entity calls, getFullSession and
getGlpiConfig (API.php; `changeActiveProfile`/`changeActiveEntities` take their values from the JSON
body or the query)."""

from typing import TYPE_CHECKING, Any

from .errors import error, generic
from .items import Answer, name_of
from .sessions import PROFILES, RIGHT_NAMES, Session, authenticate, descendants
from .store import now
from .wire import strict_bool, truthy

if TYPE_CHECKING:
    from .app import GlpiSandbox


class SessionEndpoints:
    """The endpoints keep GLPI's names (getMyProfiles…), so `call` dispatches on the resource."""

    names = frozenset(
        {
            "killSession",
            "getMyProfiles",
            "getActiveProfile",
            "changeActiveProfile",
            "getMyEntities",
            "getActiveEntities",
            "changeActiveEntities",
            "getFullSession",
            "getGlpiConfig",
            "lostPassword",
        }
    )

    def __init__(self, sandbox: "GlpiSandbox") -> None:
        self.sandbox = sandbox
        self.store = sandbox.store

    def init_session(self, login: str, password: str, token: str, params: dict[str, Any]) -> Answer:
        settings = self.sandbox.settings
        if token and not settings.login_token:
            raise error("ERROR_GLPI_LOGIN_USER_TOKEN")
        users_id = authenticate(self.store, login, password, token, settings.login_credentials)
        session = self.sandbox.sessions.open(self.store, users_id)
        body: dict[str, Any] = {"session_token": session.token}
        if truthy(params.get("get_full_session", False)):
            body["session"] = self.full_session(session)
        return 200, body, {}

    def call(self, name: str, session: Session, token: str, params: dict[str, Any]) -> Answer:
        if name == "killSession":
            self.sandbox.sessions.kill(token)
            return 200, True, {}
        if name == "lostPassword":
            raise generic("The sandbox sends no e-mail: lostPassword is not available")
        handler = getattr(self, name)
        return 200, handler(session, params), {}

    def _profile(self, session: Session, profile_id: int) -> dict[str, Any]:
        profile = PROFILES[profile_id]
        return {
            "id": profile_id,
            "name": profile["name"],
            "interface": profile["interface"],
            "is_default": int(profile_id == session.profiles[0]["profiles_id"]),
            **{right: profile["rights"].get(right, 0) for right in RIGHT_NAMES},
        }

    def getMyProfiles(self, session: Session, params: dict) -> dict[str, Any]:
        seen, profiles = set(), []
        for link in session.profiles:
            if link["profiles_id"] in seen:
                continue
            seen.add(link["profiles_id"])
            profile = PROFILES[link["profiles_id"]]
            entities = [
                {
                    "id": e["entities_id"],
                    "name": name_of(self.store, "Entity", e["entities_id"]),
                    "is_recursive": e["is_recursive"],
                }
                for e in session.profiles
                if e["profiles_id"] == link["profiles_id"]
            ]
            profiles.append({"id": link["profiles_id"], "name": profile["name"], "entities": entities})
        return {"myprofiles": profiles}

    def getActiveProfile(self, session: Session, params: dict) -> dict[str, Any]:
        return {"active_profile": self._profile(session, session.profile_id)}

    def changeActiveProfile(self, session: Session, params: dict) -> bool:
        try:
            wanted = int(params.get("profiles_id"))
        except (TypeError, ValueError):
            raise error("ERROR_ITEM_NOT_FOUND") from None
        links = [link for link in session.profiles if link["profiles_id"] == wanted]
        if not links:
            raise error("ERROR_ITEM_NOT_FOUND")
        session.profile_id = wanted
        session.active_entity, session.recursive = links[0]["entities_id"], bool(links[0]["is_recursive"])
        return True

    def getMyEntities(self, session: Session, params: dict) -> dict[str, Any]:
        return {
            "myentities": [
                {"id": e, "name": name_of(self.store, "Entity", e)}
                for e in session.profile_entities(self.store)
            ]
        }

    def getActiveEntities(self, session: Session, params: dict) -> dict[str, Any]:
        return {
            "active_entity": {
                "id": session.active_entity,
                "active_entity_recursive": session.recursive,
                "active_entities": [{"id": e} for e in session.active_entities(self.store)],
            }
        }

    def changeActiveEntities(self, session: Session, params: dict) -> bool:
        """`entities_id` "all" (the default) activates every entity of the profile, recursively; an entity
        the profile does not reach is refused with `false`, as GLPI's Session::changeActiveEntities."""
        raw = params.get("entities_id", "all")
        recursive = strict_bool(params.get("is_recursive", False), "is_recursive")
        reachable = session.profile_entities(self.store)
        if str(raw) == "all":
            roots = [
                e for e in reachable if not any(e in descendants(self.store, o) and e != o for o in reachable)
            ]
            session.active_entity, session.recursive = (roots[0] if roots else 0), True
            return True
        try:
            wanted = int(raw)
        except (TypeError, ValueError):
            raise generic("entities_id must be an entity id or all") from None
        if wanted not in reachable:
            return False
        session.active_entity, session.recursive = wanted, recursive
        return True

    def full_session(self, session: Session) -> dict[str, Any]:
        user = self.store.item("User", session.users_id) or {}
        return {
            "glpiID": session.users_id,
            "glpiname": user.get("name", ""),
            "glpirealname": user.get("realname", ""),
            "glpifirstname": user.get("firstname", ""),
            "glpiactiveprofile": self._profile(session, session.profile_id),
            "glpiactive_entity": session.active_entity,
            "glpiactive_entity_recursive": session.recursive,
            "glpiactiveentities": session.active_entities(self.store),
            "glpidefault_entity": session.profiles[0]["entities_id"],
            "glpilist_limit": self.sandbox.settings.list_limit,
            "glpi_currenttime": now(),
            "valid_id": session.token,
        }

    def getFullSession(self, session: Session, params: dict) -> dict[str, Any]:
        return {"session": self.full_session(session)}

    def getGlpiConfig(self, session: Session, params: dict) -> dict[str, Any]:
        settings = self.sandbox.settings
        return {
            "cfg_glpi": {
                "version": settings.version,
                "dbversion": settings.version,
                "list_limit": settings.list_limit,
                "list_limit_max": 50,
                "enable_api": int(settings.enable_api),
                "enable_api_login_credentials": int(settings.login_credentials),
                "enable_api_login_external_token": int(settings.login_token),
                "language": "en_GB",
                "timezone": "UTC",
                "use_sanitized_content": 1,
            }
        }
