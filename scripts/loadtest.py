"""Load test with Locust: gunicorn on 127.0.0.1 against DATABASE_URL, signed-in users loading the main pages.

A benchmark, not a test. It starts gunicorn with production-like settings (DEBUG off, persistent database
connections, the client acting as a TLS-terminating load balancer), then loads one page at a time with Locust,
headless: --users concurrent users of the page's role (the programme team, or the nine youth leads, each
signed in once through the real form), until --duration seconds or --max-requests requests, whichever comes
first, after --warmup seconds unmeasured. It prints each page's requests, errors, requests per second and
p50/p95/p99 beside a bare view (/health/: no session, no database) loaded in the same run, then each gunicorn
worker's peak resident memory.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python scripts/loadtest.py --port 8117

`make loadtest` first fills the database (50,000 synthetic projects, the demo users). With --host it loads a
server already running instead (no gunicorn, no database read: give --hyde and --project).
"""

import argparse
import http.client
import itertools
import os
import re
import subprocess  # nosec B404
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import gevent
from locust import FastHttpUser, constant, task
from locust.env import Environment
from locust.exception import StopUser
from locust.log import setup_logging

BASE_DIR = Path(__file__).resolve().parent.parent

# What is measured: (name, path, who), who being None (no sign-in), "lead" (the nine youth leads)
# or "vru" (the programme manager and coordinator). {hyde} and {project} stand for Hyde's id and one of
# its verified projects. Adding a page is one line.
PAGES = (
    ("bare view", "/health/", None),
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
PASSWORD = os.environ.get("DEMO_PASSWORD", "partnership-demo-2026")
SIGN_IN = "/accounts/login/"
# The client stands in for a load balancer that ends TLS: Django then treats requests as HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "hayn-loadtest"}


class PortalUser(FastHttpUser):
    """One person loading one page without pause; a page's users are subclasses naming the page and role."""

    abstract = True
    wait_time = constant(0)
    page = path = ""
    who: str | None = None
    # Each person signs in once per run (sign-ins are rate-limited per account); later pages reuse the session.
    next_person = {who: itertools.cycle(names) for who, names in USERS.items()}
    sessions: dict[str, str] = {}

    def on_start(self) -> None:
        self.headers = dict(PROXY_HEADERS)
        if self.who:
            username = next(self.next_person[self.who])
            if username not in self.sessions:
                self.sessions[username] = self.sign_in(username)
            self.headers["Cookie"] = f"sessionid={self.sessions[username]}"

    def sign_in(self, username: str) -> str:
        """Sign in through the real form, as a browser does; returns the new session's key."""
        form = self.client.get(SIGN_IN, name="sign in", headers=PROXY_HEADERS)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text or "")
        origin = f"https://{urlsplit(self.host).netloc}"
        with self.client.post(
            SIGN_IN,
            name="sign in",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token and token.group(1)},
            headers={**PROXY_HEADERS, "Cookie": f"csrftoken={self.cookie('csrftoken')}", "Origin": origin},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            session = self.cookie("sessionid")
            if response.status_code != 302 or not session:
                response.failure(f"could not sign in as {username} (HTTP {response.status_code})")
                raise StopUser
        self.client.cookiejar.clear()
        return session

    def cookie(self, name: str) -> str | None:
        """A cookie the server set. The client's jar keeps but never sends back Secure cookies over plain HTTP."""
        return next((cookie.value for cookie in self.client.cookiejar if cookie.name == name), None)

    @task
    def load(self) -> None:
        with self.client.get(
            self.path, name=self.page, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")


def load_page(args, page: str, path: str, who: str | None) -> dict:
    """Warm up, then load one page with --users concurrent users until the time or the request quota runs out."""
    user = type(page, (PortalUser,), {"page": page, "path": path, "who": who})
    # Users finish the request they are in before the next page starts, so no page's load spills into another's.
    environment = Environment(user_classes=[user], host=args.host, stop_timeout=120)
    runner = environment.create_local_runner()
    runner.start(args.users, spawn_rate=args.users)
    # Warm-up lasts until every user has signed in and had an answer too (a cold page can take seconds).
    # The runner clears its statistics once spawning starts, so the page's entry is looked up afresh each time.
    started = time.perf_counter()
    while time.perf_counter() - started < args.warmup + args.duration:
        answered = environment.stats.entries.get((page, "GET"))
        if answered and answered.num_requests >= args.users:
            break
        gevent.sleep(0.05)
    gevent.sleep(max(0.0, args.warmup - (time.perf_counter() - started)))
    if environment.stats.get("sign in", "POST").num_failures:
        runner.quit()
        errors = "; ".join(str(error.error) for error in environment.stats.errors.values())
        raise SystemExit(f"{errors}: run create_demo_users, check DEMO_PASSWORD.")
    environment.stats.reset_all()
    measured = environment.stats.get(page, "GET")
    started = time.perf_counter()
    while time.perf_counter() - started < args.duration and measured.num_requests < args.max_requests:
        gevent.sleep(0.05)
    seconds = time.perf_counter() - started
    result = {
        "page": page,
        "path": path,
        "requests": measured.num_requests,
        "errors": measured.num_failures,
        "rate": measured.num_requests / seconds,
        **{f"p{share}": measured.get_response_time_percentile(share / 100) for share in (50, 95, 99)},
    }
    runner.stop()
    runner.quit()
    return result


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
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            connection.request("GET", "/health/", headers=PROXY_HEADERS)
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{args.port}")


def workers_memory(server: subprocess.Popen) -> list[tuple[int, int, int]]:
    """Each gunicorn worker's process id, peak and current resident memory in MB (Linux /proc)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    memory = []
    for pid in map(int, children):
        status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
        memory.append((pid, int(status["VmHWM"].split()[0]) // 1024, int(status["VmRSS"].split()[0]) // 1024))
    return memory


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
    connection.close()
    return summary, {"hyde": hyde.pk, "project": project.pk}


def print_table(results: list[dict]) -> None:
    print("| page | path | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        print("| {page} | `{path}` | {requests:,} | {errors} | {rate:,.0f} | {p50} | {p95} | {p99} |".format(**result))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8117)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn sync workers")
    parser.add_argument("--users", type=int, default=4, help="concurrent Locust users per page")
    parser.add_argument("--duration", type=float, default=10, help="seconds per page, at most")
    parser.add_argument("--max-requests", type=int, default=20_000, help="requests per page, at most")
    parser.add_argument("--warmup", type=float, default=1.5, help="seconds of unmeasured load first")
    parser.add_argument("--settings", default="hayn_portal.settings.local")
    parser.add_argument("--only", help="measure only pages whose name contains this (and the bare view)")
    parser.add_argument("--host", help="load this running server (on 127.0.0.1) instead of starting gunicorn")
    parser.add_argument("--hyde", type=int, help="with --host: Hyde's organisation id")
    parser.add_argument("--project", type=int, help="with --host: one of Hyde's verified projects")
    args = parser.parse_args()
    if args.host and not (args.hyde and args.project):
        parser.error("--host needs --hyde and --project")
    if args.host and urlsplit(args.host).hostname != "127.0.0.1":
        parser.error("--host loads a server on this machine only: http://127.0.0.1:<port>")
    return args


def main() -> None:
    args = arguments()
    setup_logging("WARNING")
    server = None
    if args.host:
        ids = {"hyde": args.hyde, "project": args.project}
    else:
        summary, ids = database_summary(args.settings)
        print(f"Database: {summary}. Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}.")
        print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{args.port}.")
        args.host = f"http://127.0.0.1:{args.port}"
        server = start_gunicorn(args)
    print(
        f"Locust: {args.users} users per page, {args.duration:g} s or {args.max_requests:,} requests per page, "
        f"after {args.warmup:g} s of warm-up."
    )
    try:
        pages = [(page, path.format(**ids), who) for page, path, who in PAGES]
        results = [
            load_page(args, page, path, who)
            for page, path, who in pages
            if not args.only or who is None or args.only in page
        ]
        memory = workers_memory(server) if server else []
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
    print(f"Load average after: {os.getloadavg()[0]:.1f}.\n")
    print_table(results)
    for pid, peak, now in memory:
        print(f"gunicorn worker {pid}: peak resident memory {peak} MB (now {now} MB)")


if __name__ == "__main__":
    main()
