"""Nothing lost when the process dies (issue #13): the driver of scripts/crash-test.sh.

Starts the release server on a fresh SQLite database, sends 200 booking and 50 rights-assistance
submits with idempotency keys all at once, kills the server with SIGKILL in the middle of the
burst, starts it again on the same database, sends again every submit whose answer did not
arrive (same key, same body), and then proves from the database that every submit exists
exactly once and that no seat is sold twice. Prints the counts; exits 1 on any violation.

Standard library only. Usage: crash_test.py SERVER_BINARY WORK_DIR
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BOOKINGS = 200
REQUESTS = 50
# The burst is killed once this many answers have come back.
KILL_AFTER = 90
NOW = "2026-11-20T10:00:00+08:00"
VENUE = "nantong-ip-protection-center"
# A real 1 x 1 JPEG's markers up to its frame header (what the upload checks need).
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffc0000b080001000101011100ffd9"
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        env = dict(
            os.environ,
            PORTAL_ADDR=f"127.0.0.1:{self.port}",
            DATABASE_URL=f"sqlite://{self.work}/crash.sqlite3",
            PORTAL_DIST=f"{self.work}/no-dist",
            PORTAL_NOW=NOW,
            # One address sends everything: its bookings are not limited (the limit is tested
            # over HTTP), and each draft names its own client through the trusted proxy.
            PORTAL_BOOKING_LIMIT_EXEMPT="127.0.0.1",
            PORTAL_TRUSTED_PROXIES="127.0.0.1",
            RUST_LOG="error",
        )
        log = open(f"{self.work}/server.log", "ab")
        self.process = subprocess.Popen([self.binary], env=env, stdout=log, stderr=log)
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{self.base}/api/v1/health", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    sys.exit(f"the server stopped: see {self.work}/server.log")
                time.sleep(0.25)
        sys.exit("the server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def call(base, method, path, body=None, headers=None, timeout=30):
    """(status, JSON answer) or None when no answer arrived."""
    data = None
    headers = dict(headers or {})
    if isinstance(body, bytes):
        data = body
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")
    except (OSError, ValueError):
        return None


def draft_answers(i):
    mobile = f"1370000{i:04d}"
    return {
        "applicant": {
            "kind": "individual",
            "name": "崩溃测试",
            "resident_id": "320611199003071232",
            "mobile": mobile,
            "acting_for_someone_else": False,
        },
        "right": {
            "type": "utility_model_patent",
            "number": "ZL 2012 2 0687633.0",
            "title": "一种家纺面料",
            "holder": "崩溃测试",
            "legal_status": "in_force",
        },
        "other_party": {"name": "某某家纺店", "online_link": "https://shop.example.com/item/1", "place": "某电商平台"},
        "facts": {"description": "对方在网店销售仿冒我方专利的床品。", "discovered_on": "2026-11-01", "estimated_loss": "50000"},
        "help": {"types": ["rights_guidance", "mediation"]},
        "evidence": {"complete": True},
        "declaration": {"accepted": True},
    }


def prepare_drafts(base):
    """50 complete drafts with a photo each, each from its own client address."""
    drafts = []
    for i in range(REQUESTS):
        client = {"X-Forwarded-For": f"198.51.100.{i + 1}"}
        status, created = call(base, "POST", "/api/v1/assistance/drafts", headers=client)
        assert status == 201, (status, created)
        token = created["token"]
        status, saved = call(base, "PUT", f"/api/v1/assistance/drafts/{token}", draft_answers(i), client)
        assert status == 200, (status, saved)
        status, stored = call(base, "POST", f"/api/v1/assistance/drafts/{token}/files?name=photo.jpg", JPEG, client)
        assert status == 201, (status, stored)
        drafts.append(token)
    return drafts


def booking_bodies(base):
    """200 bookings with their own numbers, on few enough slots that many are full."""
    status, availability = call(base, "GET", f"/api/v1/booking/availability?venue={VENUE}&topic=patent")
    assert status == 200, (status, availability)
    slots = [
        (day["date"], slot["time"])
        for day in availability["days"]
        for slot in day["slots"]
        if slot.get("remaining", 0) > 0
    ][:32]
    assert len(slots) == 32, slots
    bodies = []
    for i in range(BOOKINGS):
        date, time_ = slots[i % len(slots)]
        bodies.append({
            "venue": VENUE, "topic": "patent", "date": date, "time": time_,
            "name": "崩溃测试", "mobile": f"1360000{i:04d}",
        })
    return bodies


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(f"{work}/no-dist", exist_ok=True)
    server = Server(binary, work)
    server.start()
    try:
        return run(server, work)
    finally:
        server.stop()


def run(server, work):
    drafts = prepare_drafts(server.base)
    submits = []  # (kind, key, method, path, body)
    for i, body in enumerate(booking_bodies(server.base)):
        submits.append(("booking", f"crash-booking-{i}", "/api/v1/bookings", body))
    for i, token in enumerate(drafts):
        submits.append(("request", f"crash-request-{i}", f"/api/v1/assistance/drafts/{token}/submit", None))

    answers = {}
    answered = threading.Semaphore(0)

    def send(submit):
        kind, key, path, body = submit
        answer = call(server.base, "POST", path, body, {"Idempotency-Key": key})
        if answer is not None:
            answers[key] = answer
            answered.release()

    pool = ThreadPoolExecutor(max_workers=24)
    futures = [pool.submit(send, s) for s in submits]
    for _ in range(KILL_AFTER):
        answered.acquire()
    server.kill()
    for f in futures:
        f.result()
    pool.shutdown()
    before_kill = len(answers)
    lost = [s for s in submits if s[1] not in answers]

    server.start()
    # Submits the server carried out whose answer the kill lost: their retries must be
    # answered from what was stored, not carried out again.
    db = sqlite3.connect(f"file:{work}/crash.sqlite3?mode=ro", uri=True)
    done_unanswered = sum(
        1
        for kind, key, path, body in lost
        if kind == "booking"
        and db.execute("SELECT 1 FROM bookings WHERE mobile = ?", (body["mobile"],)).fetchone()
    )
    db.close()
    for kind, key, path, body in lost:
        answer = call(server.base, "POST", path, body, {"Idempotency-Key": key})
        if answer is None:
            sys.exit(f"no answer after the restart for {key}")
        answers[key] = answer

    return check(work, submits, answers, before_kill, len(lost), done_unanswered)


def check(work, submits, answers, before_kill, retried, done_unanswered):
    db = sqlite3.connect(f"file:{work}/crash.sqlite3?mode=ro", uri=True)
    problems = []
    booked = {s[1]: s for s in submits if s[0] == "booking"}
    statuses = {}
    for key, (status, body) in answers.items():
        statuses[status] = statuses.get(status, 0) + 1
        if status >= 500:
            problems.append(f"{key}: {status}")
    created = {k: b for k, (s, b) in answers.items() if s == 201}

    # Bookings: each number was used by one submit, so each has one booking if it got a 201
    # and none otherwise.
    duplicates = 0
    for key, (_, _, _, body) in booked.items():
        rows = db.execute(
            "SELECT reference FROM bookings WHERE mobile = ?", (body["mobile"],)
        ).fetchall()
        if key in created:
            reference = created[key]["booking"]["reference"].replace("-", "")
            if rows != [(reference,)]:
                problems.append(f"{key}: booked {reference}, stored {rows}")
                duplicates += max(len(rows) - 1, 0)
        elif rows:
            problems.append(f"{key}: refused ({answers[key][0]}) but stored {rows}")
    # Requests: one per draft, and it is the one the answer names.
    requests = [s for s in submits if s[0] == "request"]
    for kind, key, path, _ in requests:
        if key not in created:
            problems.append(f"{key}: {answers[key][0]} {answers[key][1]}")
            continue
        # Only the leading prefix goes: a reference's own characters may spell "WQ-" too
        # ("WQ-2XWQ-MUKS"), which a plain replace would cut.
        reference = created[key]["reference"].removeprefix("WQ-").replace("-", "")
        count = db.execute(
            "SELECT COUNT(*) FROM assistance_requests WHERE reference = ?", (reference,)
        ).fetchone()[0]
        if count != 1:
            problems.append(f"{key}: {count} requests stored for {reference}")
            duplicates += max(count - 1, 0)
    total_requests = db.execute("SELECT COUNT(*) FROM assistance_requests").fetchone()[0]
    if total_requests != len(requests):
        problems.append(f"{total_requests} requests stored for {len(requests)} drafts")

    # Seats: no seat of a slot held twice, no slot over its places.
    oversold = db.execute(
        "SELECT b.venue_id, b.starts_at, COUNT(*), v.seats_per_slot FROM bookings b "
        "JOIN booking_venues v ON v.venue_id = b.venue_id WHERE b.status = 'confirmed' "
        "GROUP BY b.venue_id, b.starts_at HAVING COUNT(*) > v.seats_per_slot"
    ).fetchall()
    double = db.execute(
        "SELECT venue_id, starts_at, seat, COUNT(*) FROM bookings WHERE status = 'confirmed' "
        "GROUP BY venue_id, starts_at, seat HAVING COUNT(*) > 1"
    ).fetchall()
    problems += [f"slot over its places: {row}" for row in oversold]
    problems += [f"seat sold twice: {row}" for row in double]

    bookings_made = sum(1 for k in booked if k in created)
    print(
        f"crash test: sent {len(submits)} ({len(booked)} bookings, {len(requests)} requests); "
        f"{before_kill} answered before kill -9, {retried} retried after the restart "
        f"({done_unanswered} bookings among them had been made, their answers lost); "
        f"answers by status {dict(sorted(statuses.items()))}; "
        f"{bookings_made} bookings and {total_requests} requests stored; "
        f"{duplicates} duplicates, {len(oversold)} slots over their places, "
        f"{len(double)} seats sold twice"
    )
    for problem in problems[:20]:
        print("  problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
