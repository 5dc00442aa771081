#!/usr/bin/env python3
"""Concurrent load on `ringback serve` (bench/web runs it): the board at 1, 8 and 32 clients,
20 sign-ins at once, and 8 clients while 64 idle and 8 slow-header connections are held open.

    bench/web_load.py --base http://127.0.0.1:PORT --login bench --password '...' [--seconds 5]

Each client is a thread with its own kept-alive connection (http.client), loading the board
(GET /) back to back for --seconds. A request not answered within 10 s counts as a timeout and
its connection is opened again. Prints one table row per run, times in milliseconds.
"""
import argparse
import http.client
import json
import select
import socket
import threading
import time
import urllib.parse

TIMEOUT = 10.0


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def sign_in(host, port, login, password):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    body = json.dumps({"login": login, "password": password})
    start = time.perf_counter()
    conn.request("POST", "/api/login", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    resp.read()
    elapsed = time.perf_counter() - start
    cookie = resp.getheader("Set-Cookie") or ""
    conn.close()
    return resp.status, elapsed, cookie.split(";")[0]


def board_clients(host, port, cookie, clients, seconds):
    """Runs `clients` threads loading / for `seconds`; returns (latencies, errors, timeouts, wall)."""
    latencies, errors, timeouts = [], [0], [0]
    lock = threading.Lock()
    start_gate = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client():
        conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        mine = []
        start_gate.wait()
        while time.perf_counter() < stop_at[0]:
            t0 = time.perf_counter()
            try:
                conn.request("GET", "/", headers={"Cookie": cookie})
                resp = conn.getresponse()
                body = resp.read()
                if resp.status != 200 or b"<html" not in body:
                    with lock:
                        errors[0] += 1
                mine.append(time.perf_counter() - t0)
            except (socket.timeout, TimeoutError):
                with lock:
                    timeouts[0] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + seconds
    begin = time.perf_counter()
    start_gate.wait()
    for t in threads:
        t.join()
    return latencies, errors[0], timeouts[0], time.perf_counter() - begin


class Held:
    """64 idle connections (32 kept alive after one answer, 32 that never send a byte) and 8
    that send one header line a second, never finishing their request. Whatever the server
    closes (idle and head deadlines) is opened again at once, so all 72 stay held."""

    def __init__(self, host, port, idle=64, slow=8):
        self.host, self.port = host, port
        self.kinds = ["kept"] * (idle // 2) + ["silent"] * (idle - idle // 2) + ["slow"] * slow
        self.socks = [None] * len(self.kinds)
        self.lines = 0
        self.reopened = 0
        self.done = threading.Event()
        for i in range(len(self.kinds)):
            self.open(i)
        self.thread = threading.Thread(target=self.run)
        self.thread.start()

    def open(self, i):
        s = socket.create_connection((self.host, self.port))
        kind = self.kinds[i]
        if kind == "kept":
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(65536)
        elif kind == "slow":
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        self.socks[i] = s

    def run(self):
        next_line = time.perf_counter() + 1.0
        while not self.done.is_set():
            live = [s for s in self.socks if s is not None]
            readable, _, _ = select.select(live, [], [], 0.1)
            for s in readable:  # data or a close: the server gave up on it
                i = self.socks.index(s)
                try:
                    data = s.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    s.close()
                    self.reopened += 1
                    self.open(i)
            if time.perf_counter() >= next_line:
                self.lines += 1
                for i, kind in enumerate(self.kinds):
                    if kind == "slow":
                        try:
                            self.socks[i].sendall(b"X-Slow-%d: 1\r\n" % self.lines)
                        except OSError:
                            pass
                next_line += 1.0

    def close(self):
        self.done.set()
        self.thread.join()
        for s in self.socks:
            if s is not None:
                s.close()


def row(name, latencies, errors, timeouts, wall):
    rate = len(latencies) / wall if wall > 0 else 0
    print("| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |" % (
        name, len(latencies), rate, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000,
        max(latencies) * 1000 if latencies else float("nan"), errors, timeouts), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--login", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--clients", default="1,8,32")
    args = ap.parse_args()
    url = urllib.parse.urlparse(args.base)
    host, port = url.hostname, url.port

    status, _, cookie = sign_in(host, port, args.login, args.password)
    if status != 200:
        raise SystemExit("bench/web_load.py: sign-in failed (%d)" % status)

    print("| run | requests | req/s | p50 ms | p99 ms | worst ms | errors | timeouts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(c) for c in args.clients.split(",")]:
        row("board, %d client%s" % (n, "" if n == 1 else "s"), *board_clients(host, port, cookie, n, args.seconds))

    held = Held(host, port)
    try:
        time.sleep(0.5)
        result = board_clients(host, port, cookie, 8, args.seconds)
    finally:
        held.close()
    row("board, 8 clients + 64 idle + 8 slow-header", *result)

    results = [None] * 20
    gate = threading.Barrier(20)

    def one(i):
        gate.wait()
        results[i] = sign_in(host, port, args.login, args.password)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(20)]
    begin = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - begin
    times = [r[1] for r in results]
    bad = sum(1 for r in results if r[0] != 200)
    print("| 20 sign-ins at once (all done in %.0f ms) | 20 | %.0f | %.1f | %.1f | %.1f | %d | 0 |" % (
        wall * 1000, 20 / wall, percentile(times, 50) * 1000, percentile(times, 99) * 1000, max(times) * 1000, bad))
    print("(held connections the server closed and the bench opened again: %d)" % held.reopened)


if __name__ == "__main__":
    main()
