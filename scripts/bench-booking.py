#!/usr/bin/env python3
"""Load generator of scripts/bench-booking.sh (Python standard library only).

Each attempt gets its own thread and HTTP connection; the connections are opened first and a
barrier releases every request at the same instant, so they really do race for the seats.
Latency is measured per request from sending to the full answer, on the client.
"""

import http.client
import json
import sys
import threading
import time
import urllib.parse

CENTER = "nantong-ip-protection-center"
SEATS = 5  # seats_per_slot of the center in data/seed/booking.json
ATTEMPTS = 500


def mobile(i):
    return f"139{i:08d}"


def booking_body(date, time_, i):
    return {
        "venue": CENTER,
        "topic": "patent",
        "date": date,
        "time": time_,
        "name": f"压测{i}",
        "mobile": mobile(i),
    }


class Client:
    def __init__(self, base):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port

    def connect(self):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.connect()
        return conn

    def call(self, method, path, body=None, headers=None, conn=None):
        own = conn is None
        conn = conn or self.connect()
        data = None if body is None else json.dumps(body).encode()
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        started = time.perf_counter()
        conn.request(method, path, body=data, headers=hdrs)
        response = conn.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - started
        if own:
            conn.close()
        return response.status, payload, elapsed


def race(client, requests):
    """Sends every (method, path, body, headers) at once; returns [(status, payload, secs)]."""
    results = [None] * len(requests)
    conns = [client.connect() for _ in requests]
    barrier = threading.Barrier(len(requests))

    def run(i):
        method, path, body, headers = requests[i]
        barrier.wait()
        try:
            results[i] = client.call(method, path, body, headers, conn=conns[i])
        except Exception as e:  # a dropped connection counts as a failure, not a crash
            results[i] = (0, repr(e).encode(), 0.0)
        finally:
            conns[i].close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - started


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-p * len(sorted_values) // 100))
    return sorted_values[int(rank) - 1]


def report(title, results, wall):
    statuses = [s for s, _, _ in results]
    ok = sum(1 for s in statuses if 200 <= s < 300)
    conflict = statuses.count(409)
    server_errors = sum(1 for s in statuses if s >= 500)
    other = len(statuses) - ok - conflict - server_errors
    latencies = sorted(e * 1000 for s, _, e in results if s)
    print(title)
    print(
        f"  confirmed: {ok}   409: {conflict}   5xx: {server_errors}   other: {other}"
        f"   ({len(results)} requests in {wall:.2f} s)"
    )
    print(
        f"  latency p50 {percentile(latencies, 50):.1f} ms   p99 {percentile(latencies, 99):.1f} ms"
        f"   max {latencies[-1]:.1f} ms"
    )
    return ok, conflict, server_errors, other


def remaining(client, date, time_):
    status, payload, _ = client.call(
        "GET", f"/api/v1/booking/availability?venue={CENTER}&topic=patent"
    )
    assert status == 200, payload
    for day in json.loads(payload)["days"]:
        if day["date"] == date:
            for slot in day["slots"]:
                if slot["time"] == time_:
                    return slot["remaining"]
    raise SystemExit(f"{date} {time_} is not in the window")


def main():
    client = Client(sys.argv[1])
    failures = []

    # 1. Everyone wants the same slot.
    date, slot = "2026-09-22", "09:00"
    requests = [
        ("POST", "/api/v1/bookings", booking_body(date, slot, i), {"Idempotency-Key": f"b1-{i}"})
        for i in range(ATTEMPTS)
    ]
    results, wall = race(client, requests)
    ok, conflict, errors, other = report(
        f"1. {ATTEMPTS} concurrent bookings for one {SEATS}-seat slot", results, wall
    )
    left = remaining(client, date, slot)
    print(f"  seats left in the slot afterwards: {left}")
    if (ok, conflict, errors, other, left) != (SEATS, ATTEMPTS - SEATS, 0, 0, 0):
        failures.append("scenario 1")
    for status, payload, _ in results:
        if status == 409 and json.loads(payload)["code"] != "booking.slot_full":
            failures.append("scenario 1: a 409 that is not booking.slot_full")
            break

    # 2. Half of the attempts move an existing booking, half book anew, all for one slot.
    target_date, target = "2026-09-23", "10:00"
    movers = ATTEMPTS // 2
    days = ["2026-09-24", "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08"]
    times = ["09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00",
             "15:30", "16:00", "16:30"]
    homes = [(d, t) for d in days for t in times for _ in range(SEATS)][:movers]
    tokens = []
    for i, (d, t) in enumerate(homes):
        status, payload, _ = client.call(
            "POST", "/api/v1/bookings", booking_body(d, t, 10_000 + i),
            {"Idempotency-Key": f"home-{i}"},
        )
        assert status == 201, payload
        tokens.append(json.loads(payload)["manage_token"])
    requests = [
        ("POST", f"/api/v1/bookings/{token}/reschedule", {"date": target_date, "time": target}, {})
        for token in tokens
    ] + [
        ("POST", "/api/v1/bookings", booking_body(target_date, target, 20_000 + i),
         {"Idempotency-Key": f"b2-{i}"})
        for i in range(ATTEMPTS - movers)
    ]
    results, wall = race(client, requests)
    ok, conflict, errors, other = report(
        f"2. {movers} reschedules racing {ATTEMPTS - movers} bookings for one {SEATS}-seat slot",
        results, wall,
    )
    moved = sum(1 for s, _, _ in results[:movers] if s == 200)
    left = remaining(client, target_date, target)
    # Every mover is either at the target (its move succeeded) or still at home, untouched.
    misplaced = 0
    for i, token in enumerate(tokens):
        status, payload, _ = client.call("GET", f"/api/v1/bookings/{token}")
        booking = json.loads(payload)
        expected = (target_date, target) if results[i][0] == 200 else homes[i]
        if status != 200 or (booking["date"], booking["start_time"]) != expected:
            misplaced += 1
    print(f"  of which moves: {moved}, new bookings: {ok - moved}; seats left in the slot: {left};"
          f" bookings not where their answer said: {misplaced}")
    if (ok, conflict, errors, other, left, misplaced) != (SEATS, ATTEMPTS - SEATS, 0, 0, 0, 0):
        failures.append("scenario 2")

    if failures:
        raise SystemExit("FAILED: " + ", ".join(failures))
    print("ok: no slot overbooked, no seat lost, no 5xx")


if __name__ == "__main__":
    main()
