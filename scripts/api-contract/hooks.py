"""Schemathesis hooks for scripts/api-contract.sh: a staff session for the staff operations.

The script creates the account `CONTRACT_STAFF_USERNAME` (every role) before the run. Each
request to a staff route carries its session cookie and, as the server wants for anything but
GET and HEAD, the session's CSRF token in `X-CSRF-Token` (crates/server/src/staff/mod.rs).

The run itself may end that session: `DELETE /staff/session` logs out. So the session is kept
here, not in schemathesis' cache, and dropped as soon as a request that carried it is answered
401; the next staff request signs in again.
"""

import os
import threading

import requests
import schemathesis

BASE_URL = os.environ["CONTRACT_BASE_URL"]
USERNAME = os.environ["CONTRACT_STAFF_USERNAME"]
PASSWORD = os.environ["CONTRACT_STAFF_PASSWORD"]
COOKIE = os.environ["CONTRACT_SESSION_COOKIE"]

_lock = threading.Lock()
_session = None  # (cookie value, csrf token)
_logins = 0


def _login():
    # The run's generated logins fail by the hundred from 127.0.0.1, and failed logins are
    # limited per client address (crates/server/src/staff/auth.rs): the server trusts
    # 127.0.0.1 as a proxy here, so each of the run's own sign-ins names a fresh documentation
    # address (TEST-NET-1) in X-Forwarded-For and is not refused for the fuzzer's failures.
    global _logins
    _logins += 1
    response = requests.post(
        f"{BASE_URL}/api/v1/staff/session",
        json={"username": USERNAME, "password": PASSWORD},
        headers={"X-Forwarded-For": f"192.0.2.{_logins % 250 + 1}"},
        timeout=30,
    )
    response.raise_for_status()
    return response.cookies[COOKIE], response.json()["csrf_token"]


def _current():
    global _session
    with _lock:
        if _session is None:
            _session = _login()
        return _session


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/api/v1/staff/")
class StaffSession:
    def get(self, case, ctx):
        return _current()

    def set(self, case, data, ctx):
        cookie, csrf = data
        headers = dict(case.headers or {})
        headers["Cookie"] = f"{COOKIE}={cookie}"
        headers["X-CSRF-Token"] = csrf
        case.headers = headers


@schemathesis.hook
def after_call(context, case, response):
    global _session
    if response.status_code != 401:
        return
    sent = response.request.headers.get("Cookie", "")
    with _lock:
        if _session is not None and _session[0] in sent:
            _session = None


@schemathesis.hook("filter_path_parameters").apply_to(path_regex="^/api/v1/staff/accounts/")
def keep_contract_account(context, path_parameters):
    # The run signs in as this account: changing its password or disabling it would end the
    # run's own access, which says nothing about the API.
    return USERNAME not in (path_parameters or {}).values()
