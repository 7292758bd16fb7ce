"""Load test: gunicorn on 127.0.0.1 against DATABASE_URL, logged-in users browsing the main pages.

A benchmark, not a test. It starts gunicorn with production-like settings (DEBUG off, persistent
database connections, the client acting as a TLS-terminating load balancer), signs the demo users in,
then sends each page a bounded load (stopping at --duration seconds or --max-requests, whichever
comes first) and prints requests, errors, requests per second, p50/p95/p99 and the throughput as a
share of a minimal Django view's (/health/) on the same server in the same run: the framework's
ceiling. Pages that answer 404 are skipped (not built yet).

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python scripts/loadtest.py --port 8117

`make loadtest` first fills the database (50,000 synthetic projects, the demo users).
"""

import argparse
import http.client
import os
import re
import subprocess  # nosec B404
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent

# What is measured: (name, path, who), who being None (no sign-in), "lead" (the nine youth leads)
# or "vru" (the programme manager and coordinator). {hyde} and {project} stand for Hyde's id and one of
# its verified projects. Adding a page is one line.
PAGES = (
    ("ceiling: minimal view", "/health/", None),
    ("home (VRU)", "/", "vru"),
    ("organisation page (youth lead)", "/partners/organisations/{hyde}/", "lead"),
    ("project page (youth lead)", "/programmes/projects/{project}/", "lead"),
    ("review queue (VRU)", "/programmes/review/", "vru"),
    ("register (youth lead)", "/programmes/projects/", "lead"),
    ("register (VRU)", "/programmes/projects/", "vru"),
    ("register, filtered (VRU)", "/programmes/projects/?status=verified&age_min=14&age_max=18", "vru"),
    ("dashboard (VRU)", "/programmes/dashboard/", "vru"),
    ("coverage matrix (VRU)", "/coverage/", "vru"),
    ("coverage map (VRU)", "/boroughs/map/", "vru"),
)
USERS = {
    "vru": ["programme.manager", "programme.coordinator"],
    "lead": [
        f"lead.{slug}"
        for slug in (
            "catalyst",
            "clarion-housing-group",
            "hyde",
            "mtvh",
            "one-housing",
            "optivo",
            "peabody",
            "poplar-harca",
            "southern-housing-group",
        )
    ],
}
# The client stands in for a load balancer that ends TLS: Django then treats requests as HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "hayn-loadtest"}


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def request(port: int, method: str, path: str, headers: dict, body: str | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**PROXY_HEADERS, **headers})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies_from(headers) -> dict[str, str]:
    return dict(re.match(r"([^=]+)=([^;]*)", value).groups() for name, value in headers if name.lower() == "set-cookie")


def sign_in(port: int, username: str, password: str) -> str:
    """Sign in through the real form; returns the Cookie header of the new session."""
    status, headers, body = request(port, "GET", "/accounts/login/", {})
    csrf_cookie = cookies_from(headers)["csrftoken"]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    status, headers, _ = request(
        port,
        "POST",
        "/accounts/login/",
        {
            "Cookie": f"csrftoken={csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://127.0.0.1:{port}",
            "Referer": f"https://127.0.0.1:{port}/accounts/login/",
        },
        form,
    )
    session = cookies_from(headers).get("sessionid")
    if status != 302 or not session:
        raise SystemExit(
            f"Could not sign in as {username} (HTTP {status}): run create_demo_users, check DEMO_PASSWORD."
        )
    return f"sessionid={session}"


def drive(port: int, path: str, cookies: list[str], threads: int, seconds: float, quota: int) -> tuple:
    """One client process: `threads` threads send GETs in turn until the time or the quota runs out."""
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    errors = [0]
    sent = [0]
    lock = threading.Lock()

    def worker(offset: int) -> None:
        turn = offset
        while time.perf_counter() < deadline:
            with lock:
                if sent[0] >= quota:
                    return
                sent[0] += 1
            headers = {"Cookie": cookies[turn % len(cookies)]} if cookies else {}
            turn += threads
            started = time.perf_counter()
            try:
                status, _, _ = request(port, "GET", path, headers)
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += status != 200

    began = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors[0], time.perf_counter() - began


def measure(args, name: str, path: str, cookies: list[str]) -> Result:
    """Warm up, then load the page from several client processes at once."""
    drive(args.port, path, cookies, args.threads, args.warmup, args.max_requests)
    quota = args.max_requests // args.clients
    with ProcessPoolExecutor(args.clients) as pool:
        futures = [
            pool.submit(drive, args.port, path, cookies[i :: args.clients], args.threads, args.duration, quota)
            for i in range(args.clients)
        ]
        runs = [future.result() for future in futures]
    latencies = [latency for run in runs for latency in run[0]]
    return Result(name, path, len(latencies), sum(run[1] for run in runs), max(run[2] for run in runs), latencies)


def start_gunicorn(args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CONN_MAX_AGE": "60",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "hayn_portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
    ]
    # Our own server with fixed arguments, no shell.
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)  # noqa: S603  # nosec B603
    for _ in range(100):
        try:
            if request(args.port, "GET", "/health/", {})[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{args.port}")


def database_summary(settings_module: str) -> tuple[str, dict]:
    """What the database holds, and the ids the page paths name."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()
    from django.db import connection

    from partners.models import Organisation
    from programmes.models import Project, ProjectStatus

    hyde = Organisation.objects.get(name="Hyde")
    project = Project.objects.filter(lead_organisation=hyde, status=ProjectStatus.VERIFIED).order_by("pk").first()
    summary = f"{connection.vendor}, {Project.objects.count():,} projects ({hyde.led_projects.count():,} led by Hyde)"
    connection.close()  # before the client processes fork
    return summary, {"hyde": hyde.pk, "project": project.pk}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8117)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--threads", type=int, default=4, help="concurrent requests per client process")
    parser.add_argument("--duration", type=float, default=10, help="seconds per page, at most")
    parser.add_argument("--max-requests", type=int, default=20_000, help="requests per page, at most")
    parser.add_argument("--warmup", type=float, default=1.5, help="seconds of unmeasured load first")
    parser.add_argument("--settings", default="hayn_portal.settings.local")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "partnership-demo-2026"))
    parser.add_argument("--only", help="measure only pages whose name contains this")
    args = parser.parse_args()

    summary, ids = database_summary(args.settings)
    print(f"Database: {summary}. Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}.")
    print(
        f"gunicorn: {args.workers} sync workers on 127.0.0.1:{args.port}; load: {args.clients} client processes x "
        f"{args.threads} threads, {args.duration:g} s or {args.max_requests:,} requests per page."
    )
    server = start_gunicorn(args)
    try:
        sessions_per_group = args.clients * args.threads
        sessions = {
            group: [sign_in(args.port, names[i % len(names)], args.password) for i in range(sessions_per_group)]
            for group, names in USERS.items()
        }
        results = []
        for name, path, who in PAGES:
            path = path.format(**ids)
            if args.only and args.only not in name and not name.startswith("ceiling"):
                continue
            cookies = sessions[who] if who else []
            status = request(args.port, "GET", path, {"Cookie": cookies[0]} if cookies else {})[0]
            if status == 404:
                print(f"  skipped {name} ({path}): 404, not built yet")
                continue
            if status != 200:
                print(f"  {name} ({path}) answers {status} before the load starts")
            results.append(measure(args, name, path, cookies))
            print(f"  measured {name}: {results[-1].rate:,.0f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=30)

    ceiling = results[0].rate
    print()
    print("| page | path | requests | errors | req/s | p50 ms | p95 ms | p99 ms | share of ceiling |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        print(
            f"| {result.name} | `{result.path}` | {result.requests:,} | {result.errors} | {result.rate:,.0f} | "
            f"{result.percentile(0.50):.1f} | {result.percentile(0.95):.1f} | {result.percentile(0.99):.1f} | "
            f"{result.rate / ceiling:.0%} |"
        )


if __name__ == "__main__":
    main()
