"""A watcher's /metrics, as the suites read it: the port from its notice on stderr, and
the samples as prometheus_client's own parsers (text format, OpenMetrics) read them."""

import os
import re
import sys
import time
import urllib.error
import urllib.request

try:
    from prometheus_client.openmetrics import parser as openmetrics_parser
    from prometheus_client import parser as text_parser
except ImportError:  # Debian's python3-prometheus-client, under another interpreter
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        from prometheus_client.openmetrics import parser as openmetrics_parser
        from prometheus_client import parser as text_parser
    except ImportError:
        openmetrics_parser = text_parser = None

import harness

METRICS_ARGS = ["--metrics-addr", "127.0.0.1:0"]


def require_parser():
    if text_parser is None:
        harness.prerequisite("prometheus_client is not installed (scripts/setup: "
                             "python3-prometheus-client)")


def metrics_port(test, w, timeout=10):
    """The port a watcher started with METRICS_ARGS serves on."""
    deadline = time.monotonic() + timeout
    while not any("Serving metrics on port" in l for l in w.err_lines):  # a notice: stderr
        test.assertLess(time.monotonic(), deadline, w.err_lines)
        time.sleep(0.05)
    line = next(l for l in w.err_lines if "Serving metrics on port" in l)
    return int(re.search(r"port (\d+)", line).group(1))


def get(port, path, accept=None):
    """(status, Content-Type, body) of a GET."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if accept:
        request.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode()


def parse(parser, text):
    """name -> {labels tuple: value}."""
    parsed = {}
    for family in parser.text_string_to_metric_families(text):
        for s in family.samples:
            parsed.setdefault(s.name, {})[tuple(sorted(s.labels.items()))] = s.value
    return parsed


def samples(port):
    """The text format's samples."""
    return parse(text_parser, get(port, "/metrics")[2])


def value(parsed, name, **labels):
    return parsed.get(name, {}).get(tuple(sorted(labels.items())))


def promlint():
    """tests/oracle/promlint (promtool check metrics' rules), built once per source into the
    cache, with the test bed's Go and the module proxy."""
    import hashlib
    import shutil
    import subprocess
    source = os.path.join(harness.SOURCE_DIR, "tests", "oracle", "promlint")
    digest = hashlib.sha256()
    for name in ("go.mod", "go.sum", "main.go"):
        with open(os.path.join(source, name), "rb") as f:
            digest.update(f.read())
    cache = os.environ.get("XDG_CACHE_HOME", os.path.join(os.path.expanduser("~"), ".cache"))
    binary = os.path.join(cache, "kubectl-pvcwatch", f"promlint-{digest.hexdigest()[:12]}")
    if os.path.exists(binary):
        return binary
    if shutil.which("go") is None:
        harness.prerequisite("go is not on PATH: tests/oracle/promlint cannot be built")
    os.makedirs(os.path.dirname(binary), exist_ok=True)
    built = subprocess.run(["go", "build", "-o", binary + ".tmp", "."], cwd=source,
                           env=dict(os.environ, GOTOOLCHAIN="local"), capture_output=True,
                           text=True, timeout=400)
    if built.returncode != 0:
        raise AssertionError(f"building tests/oracle/promlint failed: {built.stderr}")
    os.replace(binary + ".tmp", binary)
    return binary
