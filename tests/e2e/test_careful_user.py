"""What a careful user hits, on the real control plane: text from the server that tries to
drive the terminal, a reader that goes away or stops reading, an action that would outlive
the watch, a server that never finishes the TLS handshake, a kubectl that hangs during
completion, and two test beds started at once."""

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

import harness

ESC = "\x1b"
SIGPIPE_STATUS = -signal.SIGPIPE  # how Popen reports a process killed by SIGPIPE


def alive(pid):
    """True while `pid` runs (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


class MuteServer:
    """Accepts TCP connections and never says a word: no TLS handshake ever completes."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


class CarefulUserTest(harness.ClusterTest):

    def setUp(self):
        super().setUp()
        self.tmp = tempfile.mkdtemp(dir=self.cluster_dir, prefix="careful-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def apply(self, *claims):
        self.kubectl("apply", "-f", "-", stdin=json.dumps(
            {"apiVersion": "v1", "kind": "List", "items": list(claims)}))

    def claim(self, name, size, annotations=None):
        return {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                "metadata": {"name": name, "namespace": self.ns,
                             "annotations": annotations or {}},
                "spec": {"accessModes": ["ReadWriteOnce"],
                         "resources": {"requests": {"storage": size}}}}

    def start(self, args, **popen):
        proc = subprocess.Popen(args, env=self.env, **popen)
        self.addCleanup(lambda: proc.poll() is None and (proc.kill(), proc.wait()))
        return proc

    # ---- 1. escapes

    def test_escape_sequences_from_the_server_are_escaped_as_kubectl_does(self):
        hostile = "red" + ESC + "[31mX"
        self.apply(self.claim("painted", "1Gi",
                              {"volume.beta.kubernetes.io/storage-class": hostile}),
                   self.claim("plain", "2Gi"))
        for _ in range(5):
            theirs = self.kubectl("get", "pvc", "-n", self.ns)
            ours = self.pvcwatch("--once", "-n", self.ns)
            if ours.out.split("\n\n")[0] + "\n" == theirs.out:
                break
            time.sleep(0.3)
        self.assertIn("red^[[31mX", theirs.out)  # kubectl's own escaping, as the reference
        self.assertEqual(ours.out.split("\n\n")[0] + "\n", theirs.out)
        # The subtotal per storage class names it too.
        self.assertIn("red^[[31mX", ours.out.split("\n\n")[1])
        self.assertNotIn(ESC, ours.out + ours.err)

        # The same claims from a file: the cells are ours, the escaping still kubectl's.
        path = os.path.join(self.tmp, "claims.json")
        with open(path, "w") as f:
            f.write(self.kubectl("get", "pvc", "-n", self.ns, "-o", "json").out)
        offline = self.pvcwatch("--from-file", path)
        self.assertEqual(offline.code, 0, offline)
        strip_age = lambda text: [line.rsplit(None, 1)[0] for line in text.splitlines()]
        self.assertEqual(strip_age(offline.out.split("\n\n")[0]), strip_age(theirs.out))
        self.assertNotIn(ESC, offline.out + offline.err)

    def test_escape_sequences_in_a_kubeconfig_are_escaped_in_errors(self):
        path = os.path.join(self.tmp, "hostile.kubeconfig")
        with open(path, "w") as f:
            f.write('apiVersion: v1\nkind: Config\ncurrent-context: "x\\e[31mred"\n')
        ours = self.pvcwatch("--once", "--kubeconfig", path)
        theirs = self.run_cmd(["kubectl", "get", "pvc", "--kubeconfig", path])
        their_line = theirs.err.splitlines()[-1]
        self.assertIn(ESC, their_line)  # kubectl prints it raw
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines(), [their_line.replace(ESC, "^[")])

    def test_escape_sequences_in_a_file_are_escaped_in_warnings(self):
        path = os.path.join(self.tmp, "bad.json")
        claim = self.claim("bad", "1Gi" + ESC + "]0;owned" + "\a")
        with open(path, "w") as f:
            json.dump(claim, f)
        r = self.pvcwatch("--from-file", path)
        self.assertEqual(r.code, 0, r)
        self.assertNotIn(ESC, r.err)
        self.assertNotIn("\a", r.err)
        self.assertIn('"1Gi^[]0;owned^G"', r.err.splitlines()[0])

    # ---- 2. a reader that goes away

    def closed_pipe_status(self, argv):
        """Runs `argv` (a watch), reads its first line, closes the pipe, then makes an
        event; returns the exit status."""
        proc = self.start(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdout.readline()
        proc.stdout.close()
        for _ in range(3):
            self.events += 1
            self.create_claim(f"after-close-{self.events}", "1Gi")
            try:
                return proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                continue
        proc.kill()
        proc.wait()
        return "still running after three events"

    def test_a_closed_stdout_ends_the_watch_as_it_ends_kubectl(self):
        self.events = 0
        self.create_claim("first", "1Gi")
        theirs = self.closed_pipe_status(["kubectl", "get", "pvc", "-n", self.ns, "-w",
                                          "-o", "json"])
        self.assertEqual(theirs, SIGPIPE_STATUS)
        for output in ([], ["-o", "json"], ["-o", "yaml"]):
            with self.subTest(output=output):
                ours = self.closed_pipe_status([self.plugin, "-n", self.ns, *output])
                self.assertEqual(ours, SIGPIPE_STATUS)

    def test_a_full_disk_ends_the_watch_with_one_line(self):
        if not os.path.exists("/dev/full"):
            harness.prerequisite("needs /dev/full")
        self.create_claim("one", "1Gi")
        with open("/dev/full", "w") as full:
            r = self.run_cmd([self.plugin, "--once", "-n", self.ns], stdin="")
            proc = subprocess.run([self.plugin, "--once", "-n", self.ns], env=self.env,
                                  stdout=full, stderr=subprocess.PIPE, text=True, timeout=30)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stderr, "error: write /dev/stdout: no space left on device\n")

    def test_sigterm_ends_a_watch_whose_reader_stopped_reading(self):
        proc = self.start([self.plugin, "-n", self.ns, "-o", "json"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
        fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)
        self.apply(*[self.claim(f"flood-{i}", "1Gi") for i in range(40)])
        time.sleep(3)  # the events fill the pipe; the writer blocks
        self.assertIsNone(proc.poll())
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=15), 0)
        self.assertLess(time.monotonic() - started, 5)

    # ---- 3. actions end with the watch

    def test_a_running_action_ends_with_the_watch(self):
        pids = os.path.join(self.tmp, "pids")
        marker = os.path.join(self.tmp, "marker")
        action = f"echo $$ > '{pids}.tmp'; sleep 75 & echo $! >> '{pids}.tmp'; " \
                 f"mv '{pids}.tmp' '{pids}'; wait; touch '{marker}'"
        w = harness.Watcher(self, ["-n", self.ns, "--max-claims", "1Gi", "--exec", action])
        w.wait_for("--- PVC Watch")
        self.create_claim("big", "2Gi")
        w.wait_for("Claim overage reached")
        deadline = time.monotonic() + 10
        while not os.path.exists(pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        with open(pids) as f:
            shell, sleeper = (int(line) for line in f)
        self.assertTrue(alive(sleeper))
        started = time.monotonic()
        self.assertEqual(w.interrupt(signal.SIGTERM, timeout=15), 0)
        self.assertLess(time.monotonic() - started, 7)  # the grace is 5 s
        self.assertFalse(alive(shell))
        self.assertFalse(alive(sleeper))
        self.assertFalse(os.path.exists(marker))

    # ---- 4. a server that never answers the handshake

    def mute_kubeconfig(self, server):
        path = os.path.join(self.tmp, "mute.kubeconfig")
        with open(path, "w") as f:
            f.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                    f"    server: https://127.0.0.1:{server.port}\n"
                    f"    certificate-authority: {self.cluster_file('pki/ca.crt')}\n"
                    "users:\n- name: u\n  user: {token: x}\ncontexts:\n- name: x\n"
                    "  context: {cluster: c, user: u}\ncurrent-context: x\n")
        return path

    def both_timed(self, args):
        """(ours, theirs), each with its time, run side by side."""
        results = {}

        def run(key, argv):
            started = time.monotonic()
            results[key] = (self.run_cmd(argv, stdin=""), time.monotonic() - started)

        threads = [threading.Thread(target=run, args=("ours", [self.plugin, "--once", *args])),
                   threading.Thread(target=run, args=("theirs", ["kubectl", "get", "pvc",
                                                                 *args]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results["ours"], results["theirs"]

    def test_a_mute_server_fails_the_handshake_after_10_s_as_kubectl(self):
        server = MuteServer()
        self.addCleanup(server.close)
        (ours, our_time), (theirs, their_time) = self.both_timed(
            ["--kubeconfig", self.mute_kubeconfig(server)])
        line = "Unable to connect to the server: net/http: TLS handshake timeout"
        self.assertEqual(theirs.err.splitlines()[-1], line)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines(), [line])
        # One attempt on client-go's TLSHandshakeTimeout (kubectl makes several: its
        # discovery retries, each waiting the same 10 s).
        self.assertGreater(our_time, 9.5)
        self.assertLess(our_time, 12)
        self.assertGreater(their_time, our_time - 0.5)

    def test_a_mute_server_within_the_request_timeout_as_kubectl(self):
        server = MuteServer()
        self.addCleanup(server.close)
        (ours, our_time), (theirs, their_time) = self.both_timed(
            ["--kubeconfig", self.mute_kubeconfig(server), "--request-timeout", "2s"])
        # Which words Go's transport picks depends on where the deadline finds it; these
        # three were seen from kubectl here, on the same mute server.
        forms = ["Unable to connect to the server: " + why for why in (
            "net/http: request canceled while waiting for connection (Client.Timeout "
            "exceeded while awaiting headers)",
            "context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
            "context deadline exceeded")]
        self.assertIn(theirs.err.splitlines()[-1], forms)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines(), forms[:1])
        self.assertLess(our_time, 4, our_time)

    # ---- 5. found by reading

    def test_completion_gives_up_on_a_hanging_kubectl(self):
        hang = os.path.join(self.tmp, "kubectl")
        with open(hang, "w") as f:
            f.write("#!/bin/sh\nexec sleep 60\n")
        os.chmod(hang, 0o755)
        helper = os.path.join(os.path.dirname(self.plugin), "kubectl_complete-pvcwatch")
        started = time.monotonic()
        r = self.run_cmd([helper, "-n", ""], env=dict(self.env, KUBECTL_PATH=hang), timeout=30)
        took = time.monotonic() - started
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, ":1\n")  # cobra's ShellCompDirectiveError
        self.assertLess(took, 7, took)

    def test_two_test_beds_started_at_once_do_not_share_ports(self):
        dirs = [tempfile.mkdtemp(dir=self.tmp, prefix="bed-") for _ in range(2)]
        script = os.path.join(harness.SOURCE_DIR, "scripts", "cluster")
        env = [dict(self.env, PVCWATCH_CLUSTER_DIR=os.path.join(d, "state")) for d in dirs]
        for e in env:
            self.addCleanup(subprocess.run, [script, "down"], env=e, capture_output=True)
        ups = [subprocess.Popen([script, "up"], env=e, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True) for e in env]
        for up in ups:
            out, _ = up.communicate(timeout=300)
            self.assertEqual(up.returncode, 0, out)
        ports = []
        for e in env:
            for name in ("etcd.port", "etcd.peer", "apiserver.port"):
                with open(os.path.join(e["PVCWATCH_CLUSTER_DIR"], name)) as f:
                    ports.append(int(f.read()))
        self.assertEqual(len(set(ports)), 6, ports)
        # Each API server keeps its own data: a namespace made in one is not in the other.
        run = lambda e, *args: subprocess.run(
            ["kubectl", "--kubeconfig", os.path.join(e["PVCWATCH_CLUSTER_DIR"],
                                                     "admin.kubeconfig"), *args],
            env=e, capture_output=True, text=True, timeout=60)
        self.assertEqual(run(env[0], "create", "namespace", "only-in-one").returncode, 0)
        self.assertNotEqual(run(env[1], "get", "namespace", "only-in-one").returncode, 0)


if __name__ == "__main__":
    harness.main()
