"""Security properties, each with a test: TLS verification is never skipped silently,
credentials never appear in output at any -v, never go out over plain http, and no
temporary file ever holds key material."""

import http.server
import json
import os
import tempfile
import threading

import harness

SECRET = "s3cr3t-token-that-must-not-leak"


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    """A plain-http API server stand-in that records what it was sent."""
    seen = []

    def do_GET(self):
        RecordingHandler.seen.append(str(self.headers))
        body = json.dumps({"kind": "PersistentVolumeClaimList", "apiVersion": "v1",
                           "metadata": {"resourceVersion": "1"}, "items": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class SecurityTest(harness.ClusterTest):

    def server(self):
        with open(self.cluster_file("apiserver.port")) as f:
            return f"https://127.0.0.1:{f.read().strip()}"

    def test_credentials_never_in_output_at_any_verbosity(self):
        for level in ("0", "2", "6", "10"):
            r = self.pvcwatch("--once", "-n", self.ns, "-s", self.server(), "--token", SECRET,
                              "--certificate-authority", self.cluster_file("pki/ca.crt"),
                              "--kubeconfig", "/dev/null", "-v", level)
            self.assertEqual(r.code, 1, r)
            self.assertEqual(r.err, "error: You must be logged in to the server (Unauthorized)\n")
            self.assertNotIn(SECRET, r.out + r.err)
        theirs = self.kubectl("get", "pvc", "-n", self.ns, "-s", self.server(), "--token", SECRET,
                              "--certificate-authority", self.cluster_file("pki/ca.crt"),
                              "--kubeconfig", "/dev/null", check=False)
        self.assertEqual(theirs.err.splitlines()[-1], r.err.strip())

    def test_credentials_never_over_plain_http(self):
        RecordingHandler.seen = []
        httpd = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        self.addCleanup(httpd.shutdown)
        server = f"http://127.0.0.1:{httpd.server_address[1]}"
        for credentials in (["--token", SECRET], ["--username", "u", "--password", SECRET]):
            r = self.pvcwatch("--once", "-n", self.ns, "-s", server, *credentials)
            self.assertNotIn(SECRET, r.out + r.err)
        for headers in RecordingHandler.seen:
            self.assertNotIn("Authorization", headers)
            self.assertNotIn(SECRET, headers)

    def test_wrong_server_name_is_never_accepted(self):
        # The serving certificate is for 127.0.0.1, localhost and kubernetes only.
        r = self.pvcwatch("--once", "-n", self.ns, "--tls-server-name", "evil.example")
        self.assertEqual(r.code, 1, r)
        self.assertTrue(r.err.startswith("Unable to connect to the server: tls: "), r.err)
        # Skipping verification is possible only when asked for.
        with open(self.cluster_file("token")) as f:
            token = f.read().strip()
        r = self.pvcwatch("--once", "-n", self.ns, "--insecure-skip-tls-verify", "-s",
                          self.server(), "--token", token, "--kubeconfig", "/dev/null")
        self.assertEqual(r.code, 0, r)

    def test_no_temporary_file_holds_key_material(self):
        scratch = tempfile.mkdtemp(dir=self.cluster_dir)
        home = tempfile.mkdtemp(dir=self.cluster_dir)
        env = dict(self.env, TMPDIR=scratch, HOME=home)
        # admin.kubeconfig carries the client key as client-key-data.
        r = self.pvcwatch("--once", "-n", self.ns, env=env)
        self.assertEqual(r.code, 0, r)
        w = harness.Watcher(self, ["-n", self.ns], env=env)
        w.wait_for("--- PVC Watch")
        self.create_claim("x", "1Gi")
        w.wait_for("PVC x added")
        self.assertEqual(w.interrupt(), 0)
        self.assertEqual(os.listdir(scratch), [])
        self.assertEqual(os.listdir(home), [])
        with open(self.cluster_file("pki/admin.key")) as f:
            key_line = f.read().splitlines()[1]
        for root in ("/tmp", "/dev/shm"):
            for name in os.listdir(root):
                path = os.path.join(root, name)
                if os.path.isfile(path) and os.path.getsize(path) < 1 << 20:
                    try:
                        with open(path, errors="ignore") as f:
                            self.assertNotIn(key_line, f.read(), path)
                    except OSError:
                        pass


if __name__ == "__main__":
    harness.main()
