"""Production settings pass Django's deployment checks with no warnings at all, and are HTTPS only whatever is unset."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hayn_portal.settings.production",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env |= {"DJANGO_SETTINGS_MODULE": "hayn_portal.settings.production", "DJANGO_ALLOWED_HOSTS": "x"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


# Only what production cannot run without: no DJANGO_DEBUG, no security switch.
MINIMUM_PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hayn_portal.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def minimum_production_env() -> dict:
    unset = ("DJANGO_", "REDIS_URL", "DATABASE_URL", "AXES_", "S3_", "AWS_")
    return {k: v for k, v in os.environ.items() if not k.startswith(unset)} | MINIMUM_PRODUCTION_ENV


def test_check_deploy_is_clean_with_only_the_required_variables_set():
    """Left unset, DJANGO_DEBUG no longer leaves the HTTPS redirect off: `check --deploy` has nothing to say."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=minimum_production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PLAIN_HTTP_SIGN_IN = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
plain = Client(HTTP_HOST="portal.example.org").get("/accounts/login/")
secure = Client(HTTP_HOST="portal.example.org").get("/health/", secure=True)
print(json.dumps({
    "status": plain.status_code, "location": plain.get("Location"), "hsts": secure.get("Strict-Transport-Security"),
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE], "debug": settings.DEBUG,
}))
"""


def test_production_serves_sign_in_over_https_only_with_nothing_else_set():
    """Sign-in over plain HTTP is redirected to HTTPS, HSTS is sent, cookies are secure, debug is off."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PLAIN_HTTP_SIGN_IN],
        cwd=BASE_DIR,
        env=minimum_production_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 301
    assert answer["location"] == "https://portal.example.org/accounts/login/"
    assert answer["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert answer["cookies"] == [True, True]
    assert answer["debug"] is False


def test_local_settings_turn_the_switches_off_only_with_debug_on():
    """Local settings with DJANGO_DEBUG=true serve plain HTTP; with DJANGO_DEBUG=false they are HTTPS only too."""
    answers = {}
    for debug in ("true", "false"):
        env = minimum_production_env() | {"DJANGO_SETTINGS_MODULE": "hayn_portal.settings.local", "DJANGO_DEBUG": debug}
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", PLAIN_HTTP_SIGN_IN],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        answers[debug] = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["true"]["status"] == 200
    assert answers["true"]["cookies"] == [False, False]
    assert answers["false"]["status"] == 301
    assert answers["false"]["cookies"] == [True, True]


STORAGE_AND_CACHE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
files = storages["default"]
cache = settings.CACHES["default"]["BACKEND"]
print(json.dumps({"storage": type(files).__name__, "bucket": getattr(files, "bucket_name", None), "cache": cache}))
"""


@pytest.mark.parametrize("settings_module", ["hayn_portal.settings.production", "hayn_portal.settings.local"])
def test_files_go_to_the_s3_bucket_and_the_cache_to_redis_exactly_when_the_environment_names_them(settings_module):
    """The embedded default stays the local folder and local memory; DJANGO_S3_BUCKET and REDIS_URL switch."""
    answers = []
    for extra in ({}, {"DJANGO_S3_BUCKET": "hayn-files", "REDIS_URL": "redis://127.0.0.1:6379/2"}):
        env = minimum_production_env() | {"DJANGO_SETTINGS_MODULE": settings_module} | extra
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", STORAGE_AND_CACHE], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
        )
        answers.append(json.loads(result.stdout.strip().splitlines()[-1]))
    assert answers[0] == {"storage": "FileSystemStorage", "bucket": None, "cache": LOCMEM}
    assert answers[1] == {"storage": "S3Storage", "bucket": "hayn-files", "cache": REDIS}


LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"
