"""Schemathesis hooks for scripts/api-contract.sh: a staff session for the staff operations and
a firm's person's session for the firm operations.

The script creates the staff account `CONTRACT_STAFF_USERNAME` (every role) and the firm
`CONTRACT_FIRM_USCC` (its first person `CONTRACT_FIRM_MOBILE`) before the run. Each request to a
staff or firm route carries its realm's session cookie and, as the server wants for anything
but GET and HEAD, the session's CSRF token in `X-CSRF-Token` (crates/server/src/sign_in/).

The run itself may end a session: `DELETE /staff/session` and `DELETE /firm/session` sign out.
So the sessions are kept here, not in schemathesis' cache, and dropped as soon as a request
that carried one is answered 401; the next request of that realm signs in again.
"""

import os
import threading

import requests
import schemathesis

BASE_URL = os.environ["CONTRACT_BASE_URL"]
USERNAME = os.environ["CONTRACT_STAFF_USERNAME"]

_lock = threading.Lock()
_sign_ins = 0


class Realm:
    """One realm's session: (cookie value, csrf token), signed in when first needed."""

    def __init__(self, path, body, cookie):
        self.path = path
        self.body = body
        self.cookie = cookie
        self.session = None

    def _sign_in(self):
        # The run's generated sign-ins fail by the hundred from 127.0.0.1, and failed sign-ins
        # are limited per client address (crates/server/src/sign_in/limits.rs): the server
        # trusts 127.0.0.1 as a proxy here, so each of the run's own sign-ins names a fresh
        # documentation address (TEST-NET-1) in X-Forwarded-For and is not refused for the
        # fuzzer's failures.
        global _sign_ins
        _sign_ins += 1
        response = requests.post(
            f"{BASE_URL}{self.path}",
            json=self.body,
            headers={"X-Forwarded-For": f"192.0.2.{_sign_ins % 250 + 1}"},
            timeout=30,
        )
        response.raise_for_status()
        return response.cookies[self.cookie], response.json()["csrf_token"]

    def current(self):
        with _lock:
            if self.session is None:
                self.session = self._sign_in()
            return self.session

    def set(self, case):
        cookie, csrf = self.current()
        headers = dict(case.headers or {})
        headers["Cookie"] = f"{self.cookie}={cookie}"
        headers["X-CSRF-Token"] = csrf
        case.headers = headers

    def forget_if_sent(self, sent):
        with _lock:
            if self.session is not None and self.session[0] in sent:
                self.session = None


STAFF = Realm(
    "/api/v1/staff/session",
    {"username": USERNAME, "password": os.environ["CONTRACT_STAFF_PASSWORD"]},
    os.environ["CONTRACT_SESSION_COOKIE"],
)
FIRM = Realm(
    "/api/v1/firm/session",
    {
        "uscc": os.environ["CONTRACT_FIRM_USCC"],
        "mobile": os.environ["CONTRACT_FIRM_MOBILE"],
        "password": os.environ["CONTRACT_FIRM_PASSWORD"],
    },
    os.environ["CONTRACT_FIRM_COOKIE"],
)


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/api/v1/staff/")
class StaffSession:
    def get(self, case, ctx):
        return STAFF

    def set(self, case, data, ctx):
        data.set(case)


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/api/v1/firm/")
class FirmSession:
    def get(self, case, ctx):
        return FIRM

    def set(self, case, data, ctx):
        data.set(case)


@schemathesis.hook
def after_call(context, case, response):
    if response.status_code != 401:
        return
    sent = response.request.headers.get("Cookie", "")
    for realm in (STAFF, FIRM):
        realm.forget_if_sent(sent)


@schemathesis.hook("filter_path_parameters").apply_to(path_regex="^/api/v1/staff/accounts/")
def keep_contract_account(context, path_parameters):
    # The run signs in as this account: changing its password or disabling it would end the
    # run's own access, which says nothing about the API.
    return USERNAME not in (path_parameters or {}).values()
