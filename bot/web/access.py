"""Who is asking, decided in one place for every page.

`SessionBackend`, under Starlette's AuthenticationMiddleware, reads the session cookie once per
request and puts the person on `request.user` (a `SignedIn`), or nobody. A page asks for them
with `signed_in(request)`, and for a posted form with `checked_form(request)`, which also checks
the form's CSRF token. Neither returns a page: they raise, and the handlers in `pages.errors`
turn the refusal into its page::

    SignedOut      no session, or it lapsed         -> 401, how to sign in
    NotAvailable   a refusal of the edge's own      -> its status (403 unless said), the message
    Refused        the core's (bot.training.outcome) -> 403, the message

So a handler is the happy path: it calls the core (which refuses a trainee or another unit's
instructor, as in chat) and renders. The role is read again by the core on every request, so a
demoted instructor is refused at once.

A session also lives only while its person is staff: the backend deletes every session of someone
who is a trainee now, and `SignIn.session` refuses one begun before the person's role last changed,
so a re-promotion never revives a session the demotion ended.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.datastructures import FormData
from starlette.requests import HTTPConnection, Request

from bot.practice.coach import User
from bot.storage.sign_in import Session, SignIn
from bot.storage.store import Store

COOKIE = "deskdrill_session"
EXPIRED_FORM = "This form has expired: reload the page and try again."


class SignedIn(BaseUser):
    """The person a live session belongs to (as the core knows them) and that session."""

    def __init__(self, actor: User, session: Session) -> None:
        self.actor, self.session = actor, session

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.actor.first_name

    @property
    def identity(self) -> str:
        return str(self.actor.id)


class SignedOut(Exception):
    """The page needs a session and the request has none (or it lapsed)."""


class NotAvailable(Exception):
    """A refusal of the dashboard's own, shown with `status`. `anonymous`: shown as to someone signed
    out, without the way home or the sign-out button (the sign-in forms never show who is signed in)."""

    def __init__(self, message: str, status: int = 403, *, anonymous: bool = False) -> None:
        super().__init__(message)
        self.message, self.status, self.anonymous = message, status, anonymous


class SessionBackend(AuthenticationBackend):
    """The session of the request's cookie, its idle clock restarted; none for someone no longer staff
    (their sessions are all ended). Static files skip it. `role_of`: the person's role as the core reads it."""

    def __init__(self, sign_in: SignIn, store: Store, static: str, role_of: Callable[[int], str]) -> None:
        self.sign_in, self.store, self.static, self.role_of = sign_in, store, static, role_of

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SignedIn] | None:
        if conn.scope["path"].startswith(self.static):
            return None
        session = self.sign_in.session(conn.cookies.get(COOKIE))
        if session is None:
            return None
        row = self.store.user(session.user_id)
        if row is None or self.role_of(session.user_id) == "trainee":
            self.sign_in.end_sessions(session.user_id)
            return None
        actor = User(row["id"], row["chat_id"], row["first_name"], row["username"])
        return AuthCredentials(["signed_in"]), SignedIn(actor, session)


def person(request: Request) -> SignedIn | None:
    """Who is signed in, if anyone."""
    user = request.scope.get("user")
    return user if isinstance(user, SignedIn) else None


def signed_in(request: Request) -> SignedIn:
    """Who is signed in; SignedOut when nobody is."""
    who = person(request)
    if who is None:
        raise SignedOut
    return who


def csrf_ok(session: Session, form: FormData) -> bool:
    sent = form.get("csrf")
    return isinstance(sent, str) and hmac.compare_digest(sent.encode(), session.csrf.encode())


async def checked_form(request: Request, anonymous: bool = False) -> tuple[SignedIn, FormData]:
    """The signed-in person and their form, once its CSRF token matches their session's."""
    who = signed_in(request)
    form = await request.form()
    if not csrf_ok(who.session, form):
        raise NotAvailable(EXPIRED_FORM, anonymous=anonymous)
    return who, form
