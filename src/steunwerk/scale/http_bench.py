"""Throughput of the dossier page through a real WSGI server (gunicorn, 2 workers) on loopback."""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _session_cookie(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def run_http(user, path, seconds=10, concurrency=4, workers=2):
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "steunwerk.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "STEUNWERK_ALLOWED_HOSTS": "127.0.0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url, cookie = f"http://127.0.0.1:{port}{path}", _session_cookie(user)
    try:
        for _ in range(100):  # wait for the server, at most 10 s
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        if shutil.which("wrk"):
            measured = _with_wrk(url, cookie, seconds, concurrency)
        else:
            measured = _with_threads(url, cookie, seconds, concurrency)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {"path": path, "workers": workers, "concurrency": concurrency, **measured}


def _with_wrk(url, cookie, seconds, concurrency):
    """wrk (C, one thread) as the load: it costs the two cores far less than Python clients would."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "-H", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    total, elapsed = re.search(r"(\d+) requests in ([\d.]+)s", out).groups()
    not_ok = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    ok, elapsed = int(total) - not_ok, float(elapsed)
    return {
        "client": "wrk",
        "seconds": round(elapsed, 1),
        "requests": ok,
        "errors": not_ok + socket_errors,
        "requests_per_second": round(ok / elapsed, 1),
    }


def _with_threads(url, cookie, seconds, concurrency):
    """Fallback without wrk: Python threads. They share the cores with the server, so this undercounts."""
    counts, errors, stop = [0] * concurrency, [0] * concurrency, time.perf_counter() + seconds

    def worker(i):
        request = urllib.request.Request(url, headers={"Cookie": cookie})
        while time.perf_counter() < stop:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    response.read()
                    counts[i] += response.status == 200
            except OSError:
                errors[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return {
        "client": "python",
        "seconds": round(elapsed, 1),
        "requests": sum(counts),
        "errors": sum(errors),
        "requests_per_second": round(sum(counts) / elapsed, 1),
    }
