"""Shared fixture for the end-to-end tests: the control plane of scripts/cluster, the
harness's kubectl, and the built plugin, each run as a subprocess."""

import functools
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import unittest
import uuid

SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests

# The watch's standing line: "At 112.5% claim capacity (225Gi/200Gi)"; groups: total, max.
AT = re.compile(r"At [0-9.]+% claim capacity \((.+)/(.+)\)$")


def gi(quantity):
    """"7Gi" -> 7, "0" -> 0: the test claims are all sized in whole Gi."""
    if quantity == "0":
        return 0
    assert quantity.endswith("Gi"), quantity
    return int(quantity[:-2])

CLUSTER_DIR = os.environ.get("PVCWATCH_CLUSTER_DIR", "")
BIN_DIR = os.environ.get("PVCWATCH_BIN_DIR", "")
SOURCE_DIR = os.environ.get("PVCWATCH_SOURCE_DIR", "")


@functools.lru_cache(maxsize=None)
def _cluster_exports():
    """What `scripts/cluster env` exports, evaluated once by one shell."""
    script = os.path.join(SOURCE_DIR, "scripts", "cluster")
    out = subprocess.run(["bash", "-c", 'eval "$("$0" env)" && env -0', script],
                         env=dict(os.environ, PVCWATCH_CLUSTER_DIR=CLUSTER_DIR),
                         capture_output=True, check=True).stdout.decode()
    evaluated = dict(entry.split("=", 1) for entry in out.split("\0") if "=" in entry)
    return {k: v for k, v in evaluated.items()
            if os.environ.get(k) != v and k not in ("_", "SHLVL", "PWD", "OLDPWD")}


def _cluster_env():
    """The exports of `scripts/cluster env`, or None when the cluster is not up."""
    if not CLUSTER_DIR or not os.path.exists(os.path.join(CLUSTER_DIR, "admin.kubeconfig")):
        return None
    env = dict(os.environ, **_cluster_exports())
    # The plugin from this build, and nothing from the user's own configuration.
    env["PATH"] = BIN_DIR + os.pathsep + env["PATH"]
    # scripts/cluster finds its cached binaries through XDG_CACHE_HOME, which must not
    # move with HOME.
    env["XDG_CACHE_HOME"] = os.environ.get("XDG_CACHE_HOME",
                                           os.path.join(os.path.expanduser("~"), ".cache"))
    # Tests compare with kubectl's behaviour, not with the machine's state: kubectl (1.33+)
    # applies ~/.kube/kuberc (aliases, default flags) and warns on stderr when it cannot read
    # it, so kuberc is off and HOME is the test bed's, whoever runs the tests and wherever.
    env["HOME"] = os.path.join(CLUSTER_DIR, "home")
    os.makedirs(env["HOME"], exist_ok=True)
    env["KUBERC"] = "off"
    for key in [k for k in env if k.startswith("KUBECTL_")] + ["KUBECACHEDIR",
                                                                "KUBERNETES_SERVICE_HOST"]:
        env.pop(key, None)
    return env


def main():
    """Runs the calling module's tests; without a cluster, skips with the reason (and
    fails in CI, where a skipped end-to-end test would hide a broken test bed)."""
    if _cluster_env() is None:
        reason = f"control plane not up in {CLUSTER_DIR!r} (scripts/cluster up; needs Go 1.26)"
        if os.environ.get("CI"):
            print(f"FAIL: {reason}", file=sys.stderr)
            sys.exit(1)
        print(f"SKIP: {reason}", file=sys.stderr)
        sys.exit(SKIP)
    unittest.main(verbosity=2)


def prerequisite(reason):
    """A missing prerequisite of one test: a failure in CI (a skipped test would hide it),
    a skip with the reason elsewhere."""
    if os.environ.get("CI"):
        raise AssertionError(f"FAIL: {reason}")
    raise unittest.SkipTest(reason)


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self):
        return f"exit {self.code}\n--- stdout\n{self.out}--- stderr\n{self.err}"


class ClusterTest(unittest.TestCase):
    """A test with its own fresh namespace on the shared control plane."""

    def setUp(self):
        self.env = _cluster_env()
        self.cluster_dir = CLUSTER_DIR
        self.plugin = os.path.join(BIN_DIR, "kubectl-pvcwatch")
        self.ns = "e2e-" + uuid.uuid4().hex[:8]
        self.kubectl("create", "namespace", self.ns)

    def run_cmd(self, argv, env=None, stdin=None, timeout=60):
        proc = subprocess.run(argv, env=env or self.env, input=stdin, capture_output=True,
                              text=True, timeout=timeout)
        return Result(proc)

    def kubectl(self, *args, stdin=None, check=True):
        r = self.run_cmd(["kubectl", *args], stdin=stdin)
        if check and r.code != 0:
            self.fail(f"kubectl {' '.join(args)} failed: {r}")
        return r

    def pvcwatch(self, *args, env=None, stdin=None, timeout=60):
        return self.run_cmd([self.plugin, *args], env=env, stdin=stdin, timeout=timeout)

    def ground_truth_gi(self, selector=None):
        """Sum of the namespace's claims' requests, in Gi, from a fresh list by kubectl."""
        args = ["get", "pvc", "-n", self.ns, "-o", "json"] + (["-l", selector] if selector else [])
        items = json.loads(self.kubectl(*args).out)["items"]
        return sum(gi(item["spec"]["resources"]["requests"]["storage"]) for item in items)

    def create_claim(self, name, size, ns=None, storage_class=None, labels=None):
        ns = ns or self.ns
        lines = ["apiVersion: v1", "kind: PersistentVolumeClaim",
                 f"metadata: {{name: {name}, namespace: {ns}"
                 + (f", labels: {labels}" if labels else "") + "}",
                 "spec:", "  accessModes: [ReadWriteOnce]",
                 f"  resources: {{requests: {{storage: {size}}}}}"]
        if storage_class:
            lines.append(f"  storageClassName: {storage_class}")
        self.kubectl("apply", "-f", "-", stdin="\n".join(lines) + "\n")

    def cluster_file(self, name):
        return os.path.join(self.cluster_dir, name)

    def shared_dir(self, prefix):
        """A fresh directory that every user can reach (mode 0755 under /tmp), removed after
        the test: what a test runs as another user lives there, since the checkout, the
        build and the test bed may sit under a private (0700) directory."""
        import shutil
        import tempfile
        path = tempfile.mkdtemp(prefix=prefix, dir="/tmp")  # not TMPDIR: it may be private
        os.chmod(path, 0o755)
        self.addCleanup(shutil.rmtree, path, True)
        return path


class Watcher:
    """`kubectl-pvcwatch` (or `program`, which runs it) in the background; its stdout read
    line by line."""

    def __init__(self, test, args, env=None, program=None):
        self.test = test
        self.proc = subprocess.Popen([program or test.plugin, *args], env=env or test.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.err_lines = []
        self._matched = 0  # wait_for looks only at lines after the last one it matched
        self._queue = queue.Queue()
        threading.Thread(target=self._pump, args=(self.proc.stdout, self._queue), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.proc.stderr,), daemon=True).start()
        test.addCleanup(self.stop)

    @staticmethod
    def _pump(stream, q):
        for line in stream:
            q.put(line.rstrip("\n"))
        q.put(None)

    def _drain(self, stream):
        for line in stream:
            self.err_lines.append(line.rstrip("\n"))

    def wait_for(self, text, timeout=30):
        """Reads until a line containing `text` (or a callable returning True) arrives."""
        deadline = time.monotonic() + timeout
        match = text if callable(text) else (lambda line: text in line)
        # A line already read but not yet waited past may match (drain collects lines);
        # one before the last match may not: a stale line must not satisfy a later wait.
        for index in range(self._matched, len(self.lines)):
            if match(self.lines[index]):
                self._matched = index + 1
                return self.lines[index]
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.test.fail(f"timed out waiting for {text!r}; stdout so far:\n"
                               + "\n".join(self.lines) + "\nstderr:\n" + "\n".join(self.err_lines))
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                self.test.fail(f"plugin exited ({self.proc.wait()}) before {text!r}; stdout:\n"
                               + "\n".join(self.lines) + "\nstderr:\n" + "\n".join(self.err_lines))
            self.lines.append(line)
            if match(line):
                self._matched = len(self.lines)
                return line

    def drain(self, seconds=1.0):
        """Collects whatever arrives within `seconds`."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
        return self.lines

    def interrupt(self, sig=None, timeout=10):
        self.proc.send_signal(sig or signal.SIGINT)
        code = self.proc.wait(timeout=timeout)
        self.drain(0.5)
        return code

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
