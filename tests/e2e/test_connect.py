"""Connecting as kubectl does, against the real control plane and side by side with the
harness's kubectl: client certificates (files and data), bearer tokens, exec credential
plugins (and how they fail), tls-server-name, CONNECT proxies, RBAC, in-cluster mode and
kubeconfig errors. Every failure message asserted here is kubectl's own."""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import harness
from connect_proxy import ConnectProxy

V1 = "client.authentication.k8s.io/v1"
HINT = "Install it with: pvcwatch-e2e install"
NOT_FOUND = (
    "Unable to connect to the server: getting credentials: exec: executable "
    "pvcwatch-e2e-missing-plugin not found\n\nIt looks like you are trying to use a client-go "
    "credential plugin that is not installed.\n\nTo learn more about this feature, consult "
    "the documentation available at:\n      https://kubernetes.io/docs/reference/"
    "access-authn-authz/authentication/#client-go-credential-plugins\n\n" + HINT + "\n")

# The exec plugin of these tests. It records each run, then answers as <state>/mode says.
PLUGIN = """#!{python}
import json, os, sys, time
state = {state!r}
with open(os.path.join(state, "runs.jsonl"), "a") as f:
    f.write(json.dumps({{"exec_info": os.environ.get("KUBERNETES_EXEC_INFO"),
                         "entry": os.environ.get("PVCWATCH_E2E_ENTRY"),
                         "path": os.environ.get("PATH"),
                         "stdin": os.readlink("/proc/self/fd/0"),
                         "argv": sys.argv[1:]}}) + "\\n")
runs = sum(1 for _ in open(os.path.join(state, "runs.jsonl")))
mode = open(os.path.join(state, "mode")).read().strip()
token = open({token_file!r}).read().strip()
status = {{"token": token}}
if mode == "garbage":
    print("no credentials here")
    sys.exit(0)
if mode == "fail":
    print("plugin: no credentials for you", file=sys.stderr)
    sys.exit(3)
if mode == "expired":
    status["expirationTimestamp"] = "2001-01-01T00:00:00Z"
if mode == "future":
    status["expirationTimestamp"] = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                  time.gmtime(time.time() + 3600))
if mode == "flip" and runs == 1:
    status["token"] = "not-a-valid-token"
if mode == "cert":
    status = {{"clientCertificateData": open({cert!r}).read(),
               "clientKeyData": open({key!r}).read()}}
print(json.dumps({{"apiVersion": {api!r}, "kind": "ExecCredential", "status": status}}))
"""


class ConnectTest(harness.ClusterTest):

    def setUp(self):
        super().setUp()
        self.create_claim("data-a", "1Gi")
        self.tmp = tempfile.mkdtemp(prefix="pvcwatch-connect-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        with open(self.cluster_file("apiserver.port")) as f:
            self.port = int(f.read())
        self.server = f"https://127.0.0.1:{self.port}"
        with open(self.cluster_file("token")) as f:
            self.token = f.read().strip()

    # -- from the first walking skeleton: a wrong CA, the context's namespace

    def test_a_wrong_ca_fails_as_kubectl_fails(self):
        ca = self.cluster_file("pki/wrong-ca.crt")
        ours = self.pvcwatch("--once", "-n", self.ns, "--certificate-authority", ca)
        theirs = self.kubectl("get", "pvc", "-n", self.ns, "--certificate-authority", ca,
                              check=False)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.out, "")
        self.assertEqual(
            ours.err, "Unable to connect to the server: tls: failed to verify certificate: "
                      "x509: certificate signed by unknown authority\n")
        self.assertNotEqual(theirs.code, 0)
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])

    def test_the_context_namespace_unless_n_says_otherwise(self):
        kubeconfig = os.path.join(self.tmp, "context.kubeconfig")
        shutil.copy(self.cluster_file("admin.kubeconfig"), kubeconfig)
        self.kubectl("config", "set-context", "--current", f"--namespace={self.ns}",
                     "--kubeconfig", kubeconfig)
        r = self.pvcwatch("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        r = self.pvcwatch("--once", "--kubeconfig", kubeconfig, "-n", "default")
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("data-a", r.out)

    # -- helpers

    def write(self, name, text, mode=0o600):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)
        return path

    def kubeconfig(self, name, user, cluster=(), server=None):
        """A kubeconfig with one cluster (our CA), one user and a context on self.ns."""
        lines = ["apiVersion: v1", "kind: Config", "clusters:", "- name: c", "  cluster:",
                 f"    server: {server or self.server}",
                 f"    certificate-authority: {self.cluster_file('pki/ca.crt')}"]
        lines += ["    " + line for line in cluster]
        lines += ["users:", "- name: u", "  user:"] + ["    " + line for line in user]
        lines += ["contexts:", "- name: x",
                  f"  context: {{cluster: c, user: u, namespace: {self.ns}}}",
                  "current-context: x"]
        return self.write(name, "\n".join(lines) + "\n")

    def write_plugin(self, mode="token", api=V1, name="pvcwatch-e2e-plugin"):
        """Writes the test plugin into <tmp>/bin and returns its path."""
        state = os.path.join(self.tmp, "state")
        os.makedirs(state, exist_ok=True)
        os.makedirs(os.path.join(self.tmp, "bin"), exist_ok=True)
        self.write("state/mode", mode)
        return self.write(f"bin/{name}", PLUGIN.format(
            python=sys.executable, state=state, token_file=self.cluster_file("token"),
            cert=self.cluster_file("pki/admin.crt"), key=self.cluster_file("pki/admin.key"),
            api=api), 0o755)

    def plugin_runs(self):
        path = os.path.join(self.tmp, "state", "runs.jsonl")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return [json.loads(line) for line in f]

    def exec_user(self, command, extra=(), interactive="Never", api=V1):
        return ["exec:", f"  apiVersion: {api}", f"  command: {command}",
                f"  interactiveMode: {interactive}", *["  " + e for e in extra]]

    def both(self, kubeconfig, *args, env=None):
        """(ours, kubectl's) for `get pvc` with the same kubeconfig and flags; stdin is
        never a terminal, so interactive plugin modes behave the same on every run."""
        ours = self.pvcwatch("--once", "--kubeconfig", kubeconfig, *args, env=env, stdin="")
        theirs = self.run_cmd(["kubectl", "get", "pvc", "--kubeconfig", kubeconfig, *args],
                              env=env, stdin="")
        return ours, theirs

    def assert_same_failure(self, ours, theirs, whole=False):
        self.assertEqual(ours.code, 1, ours)
        self.assertNotEqual(theirs.code, 0, theirs)
        self.assertEqual(ours.out, "")
        if whole:
            self.assertEqual(ours.err, theirs.err)
        else:
            self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])

    def proxy(self, **kwargs):
        proxy = ConnectProxy(**kwargs).start()
        self.addCleanup(proxy.stop)
        return proxy

    # -- client certificates and tokens

    def test_client_certificate_from_files(self):
        # restricted.kubeconfig names alice's certificate and key by (relative) path.
        name = f"{self.ns}-claim"
        self.create_claim(name, "2Gi", ns="team-a")
        # No controller manager removes the pvc-protection finalizer: do not wait for it.
        self.addCleanup(self.kubectl, "delete", "pvc", name, "-n", "team-a", "--wait=false",
                        check=False)
        ours, theirs = self.both(self.cluster_file("restricted.kubeconfig"))
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertIn(name, ours.out)
        self.assertIn(name, theirs.out)

    def test_client_certificate_from_data(self):
        r = self.pvcwatch("--once", "-n", self.ns, "--kubeconfig",
                          self.cluster_file("admin.kubeconfig"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)

    def test_bearer_token_and_token_file(self):
        r = self.pvcwatch("--once", "-n", self.ns, "--kubeconfig",
                          self.cluster_file("token.kubeconfig"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        kubeconfig = self.kubeconfig("file.kubeconfig",
                                     [f"tokenFile: {self.cluster_file('token')}"])
        r = self.pvcwatch("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)

    def test_forbidden_outside_the_namespace_matches_kubectl(self):
        ours, theirs = self.both(self.cluster_file("restricted.kubeconfig"), "-n", "default")
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(
            ours.err, 'Error from server (Forbidden): persistentvolumeclaims is forbidden: User '
                      '"alice" cannot list resource "persistentvolumeclaims" in API group "" in '
                      'the namespace "default"\n')

    # -- exec credential plugins

    def test_exec_plugin_gets_exec_info_and_env_entry_like_kubectl(self):
        command = self.write_plugin()
        kubeconfig = self.kubeconfig("exec.kubeconfig", self.exec_user(command, [
            "provideClusterInfo: true", "args: [--flag, 'two words']",
            "env: [{name: PVCWATCH_E2E_ENTRY, value: from the kubeconfig}]"]))
        env = dict(self.env)
        env.pop("PVCWATCH_E2E_ENTRY", None)
        ours, theirs = self.both(kubeconfig, env=env)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertIn("data-a", ours.out)
        mine, kubectls = self.plugin_runs()[0], self.plugin_runs()[-1]
        # Byte for byte what kubectl hands the same plugin.
        self.assertEqual(mine["exec_info"], kubectls["exec_info"])
        info = json.loads(mine["exec_info"])
        self.assertEqual(info["kind"], "ExecCredential")
        self.assertEqual(info["apiVersion"], V1)
        self.assertFalse(info["spec"]["interactive"])
        self.assertEqual(info["spec"]["cluster"]["server"], self.server)
        with open(self.cluster_file("pki/ca.crt"), "rb") as f:
            self.assertEqual(base64.b64decode(info["spec"]["cluster"]
                                              ["certificate-authority-data"]), f.read())
        self.assertIsNone(info["spec"]["cluster"]["config"])
        self.assertEqual(mine["entry"], "from the kubeconfig")
        self.assertEqual(mine["argv"], ["--flag", "two words"])
        self.assertEqual(mine["stdin"], "/dev/null")

    def test_exec_plugin_gets_the_cluster_exec_extension_like_kubectl(self):
        # extensions[client.authentication.k8s.io/exec] becomes spec.cluster.config, as
        # the JSON sigs.k8s.io/yaml makes of it (keys sorted, YAML 1.1 scalars, Go escapes).
        command = self.write_plugin()
        kubeconfig = self.kubeconfig("exec-ext.kubeconfig", self.exec_user(command, [
            "provideClusterInfo: true"]), cluster=[
                "extensions:",
                "- name: other.example.com/ext",
                "  extension: {ignored: true}",
                "- name: client.authentication.k8s.io/exec",
                "  extension:",
                "    zone: eu-west-1",
                "    audience: 'https://a.example.com/?x=1&y=<2>'",
                "    retries: 3",
                "    ratio: 1.50",
                "    enabled: yes",
                "    quoted: 'yes'",
                "    empty: ~",
                "    list: [b, 2, {k: v}]"])
        ours, theirs = self.both(kubeconfig)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        mine, kubectls = self.plugin_runs()[0], self.plugin_runs()[-1]
        self.assertEqual(mine["exec_info"], kubectls["exec_info"])
        config = json.loads(mine["exec_info"])["spec"]["cluster"]["config"]
        self.assertEqual(config["zone"], "eu-west-1")
        self.assertEqual(config["list"], ["b", 2, {"k": "v"}])

    def test_cluster_extension_named_twice_is_refused_like_kubectl(self):
        kubeconfig = self.kubeconfig("ext-twice.kubeconfig", ["token: x"], cluster=[
            "extensions:", "- name: a", "  extension: {}", "- name: a", "  extension: {}"])
        ours, theirs = self.both(kubeconfig)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines(), [theirs.err.split(": [")[0]])

    def test_exec_plugin_v1beta1_without_interactive_mode(self):
        # v1beta1 defaults interactiveMode to IfAvailable; stdin is no terminal here.
        beta = "client.authentication.k8s.io/v1beta1"
        command = self.write_plugin(api=beta)
        kubeconfig = self.kubeconfig("beta.kubeconfig", [
            "exec:", f"  apiVersion: {beta}", f"  command: {command}"])
        ours, theirs = self.both(kubeconfig)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        mine, kubectls = self.plugin_runs()[0], self.plugin_runs()[-1]
        self.assertEqual(mine["exec_info"], kubectls["exec_info"])
        self.assertEqual(json.loads(mine["exec_info"])["spec"], {"interactive": False})

    def test_exec_expiry_is_respected_and_our_environment_is_untouched(self):
        # The plugin is found through our PATH while its env entry sets another PATH: had
        # that entry leaked into our own environment, the second run could not find it.
        # An already expired credential makes every request after the list run it again;
        # one valid for an hour is used for all of them.
        for mode in ("expired", "future"):
            with self.subTest(mode=mode):
                shutil.rmtree(os.path.join(self.tmp, "state"), ignore_errors=True)
                self.write_plugin(mode)
                kubeconfig = self.kubeconfig(f"{mode}.kubeconfig", self.exec_user(
                    "pvcwatch-e2e-plugin", ["env: [{name: PATH, value: /nonexistent}]"]))
                env = dict(self.env, PATH=os.path.join(self.tmp, "bin") + os.pathsep +
                           self.env["PATH"])
                runs = self.watch_for_requests(kubeconfig, env, 3)
                if mode == "expired":
                    self.assertGreaterEqual(len(runs), 3, runs)
                else:
                    self.assertEqual(len(runs), 1, runs)
                for run in runs:
                    self.assertEqual(run["path"], "/nonexistent")

    def watch_for_requests(self, kubeconfig, env, requests):
        """The exec plugin's runs once the watch has made `requests` watch requests after
        its list (the server ends each watch after a second), then the plugin stopped."""
        env = dict(env, PVCWATCH_WATCH_TIMEOUT_SECONDS="1")
        w = harness.Watcher(self, ["--kubeconfig", kubeconfig, "-v", "4"], env=env)
        w.wait_for("--- PVC Watch")
        watches = lambda: sum("watching from resourceVersion" in l for l in w.err_lines)
        deadline = time.monotonic() + 30
        while watches() < requests + 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertGreaterEqual(watches(), requests + 1, w.err_lines)
        self.assertIsNone(w.proc.poll(), w.err_lines)
        w.stop()
        return self.plugin_runs()

    def test_exec_plugin_client_certificate(self):
        kubeconfig = self.kubeconfig("cert.kubeconfig", self.exec_user(self.write_plugin("cert")))
        ours, theirs = self.both(kubeconfig)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertIn("data-a", ours.out)

    def test_exec_refreshes_once_after_a_401(self):
        # The first credential is refused; client-go runs the plugin again on the 401.
        # kubectl then fails this command (it retries nothing); we retry the request once.
        kubeconfig = self.kubeconfig("flip.kubeconfig", self.exec_user(self.write_plugin("flip")))
        ours = self.pvcwatch("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(ours.code, 0, ours)
        self.assertIn("data-a", ours.out)
        self.assertEqual(len(self.plugin_runs()), 2)

    def test_exec_plugin_not_found_shows_install_hint_like_kubectl(self):
        kubeconfig = self.kubeconfig("missing.kubeconfig", self.exec_user(
            "pvcwatch-e2e-missing-plugin", [f"installHint: '{HINT}'"]))
        ours, theirs = self.both(kubeconfig)
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err, NOT_FOUND)

    def test_exec_plugin_failing_matches_kubectl(self):
        command = self.write_plugin("fail")
        ours, theirs = self.both(self.kubeconfig("fail.kubeconfig", self.exec_user(command)))
        # The plugin's stderr passes through, then one line, as with kubectl.
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err, "plugin: no credentials for you\nUnable to connect to the "
                                   f"server: getting credentials: exec: executable {command} "
                                   "failed with exit code 3\n")

    def test_exec_plugin_garbage_matches_kubectl(self):
        command = self.write_plugin("garbage")
        ours, theirs = self.both(self.kubeconfig("garbage.kubeconfig", self.exec_user(command)))
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(
            ours.err, "Unable to connect to the server: getting credentials: decoding stdout: "
                      "couldn't get version/kind; json parse error: json: cannot unmarshal string "
                      "into Go value of type struct { APIVersion string "
                      "\"json:\\\"apiVersion,omitempty\\\"\"; Kind string "
                      "\"json:\\\"kind,omitempty\\\"\" }\n")

    def test_exec_plugin_wrong_api_version_matches_kubectl(self):
        command = self.write_plugin(api="client.authentication.k8s.io/v1beta1")
        ours, theirs = self.both(self.kubeconfig("version.kubeconfig", self.exec_user(command)))
        self.assert_same_failure(ours, theirs, whole=True)

    def test_exec_interactive_always_without_terminal_matches_kubectl(self):
        command = self.write_plugin()
        kubeconfig = self.kubeconfig("always.kubeconfig",
                                     self.exec_user(command, interactive="Always"))
        ours, theirs = self.both(kubeconfig)
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(self.plugin_runs(), [])

    # -- TLS server name

    def test_tls_server_name_flag(self):
        admin = self.cluster_file("admin.kubeconfig")
        r = self.pvcwatch("--once", "-n", self.ns, "--kubeconfig", admin, "-s", self.server,
                          "--tls-server-name", "kubernetes")
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)
        ours, theirs = self.both(admin, "-n", self.ns, "-s", self.server,
                                 "--tls-server-name", "wrong.example")
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err, "Unable to connect to the server: tls: failed to verify "
                                   "certificate: x509: certificate is valid for localhost, "
                                   "kubernetes, not wrong.example\n")

    # -- proxies

    def assert_no_secret_in_clear(self, proxy):
        sent = proxy.all_client_bytes()
        self.assertNotIn(self.token.encode(), sent)
        self.assertNotIn(b"Authorization: Bearer", sent)
        for tunnel in proxy.tunnels:
            head, _, rest = tunnel.client_bytes.partition(b"\r\n\r\n")
            self.assertEqual(rest[:1], b"\x16", "TLS right after CONNECT")

    def test_proxy_url_keeps_tls_server_name_and_credentials_inside(self):
        proxy = self.proxy(hosts={"pvcwatch-e2e.invalid": "127.0.0.1"})
        server = f"https://pvcwatch-e2e.invalid:{self.port}"  # not in the certificate
        user = [f"token: {self.token}"]
        wrong = self.kubeconfig("no-name.kubeconfig", user, [f"proxy-url: {proxy.url}"],
                                server=server)
        ours, theirs = self.both(wrong)
        self.assert_same_failure(ours, theirs)  # kubectl logs its discovery retries first
        self.assertEqual(ours.err, "Unable to connect to the server: tls: failed to verify "
                                   "certificate: x509: certificate is valid for localhost, "
                                   "kubernetes, not pvcwatch-e2e.invalid\n")

        proxy.tunnels.clear()
        right = self.kubeconfig("named.kubeconfig", user, [
            f"proxy-url: {proxy.url}", "tls-server-name: kubernetes"], server=server)
        ours, theirs = self.both(right)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertIn("data-a", ours.out)
        mine = proxy.tunnels[0]
        self.assertEqual(mine.request_line, f"CONNECT pvcwatch-e2e.invalid:{self.port} HTTP/1.1")
        self.assertEqual(mine.server_name, "kubernetes")
        self.assertNotIn("proxy-authorization", mine.headers)
        self.assertEqual(proxy.tunnels[-1].server_name, "kubernetes")  # kubectl's too
        self.assert_no_secret_in_clear(proxy)

    def test_proxy_url_with_credentials(self):
        proxy = self.proxy(credentials=("e2e user", "p@ss:word"))
        kubeconfig = self.kubeconfig("auth.kubeconfig", [f"token: {self.token}"], [
            f"proxy-url: http://e2e%20user:p%40ss%3Aword@127.0.0.1:{proxy.port}"])
        ours, theirs = self.both(kubeconfig)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertEqual(proxy.tunnels[0].proxy_credentials(), ("e2e user", "p@ss:word"))
        self.assertEqual(proxy.tunnels[0].request_line, f"CONNECT 127.0.0.1:{self.port} HTTP/1.1")
        self.assert_no_secret_in_clear(proxy)

    def test_proxy_refusing_connect_matches_kubectl(self):
        proxy = self.proxy(deny="403 Forbidden")
        kubeconfig = self.kubeconfig("denied.kubeconfig", [f"token: {self.token}"],
                                     [f"proxy-url: {proxy.url}"])
        ours, theirs = self.both(kubeconfig)
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err, "Unable to connect to the server: Forbidden\n")

    def test_https_proxy_environment_and_no_proxy(self):
        proxy = self.proxy(hosts={"pvcwatch-e2e.invalid": "127.0.0.1"})
        token = self.cluster_file("token.kubeconfig")
        # A name only the proxy resolves (.invalid never resolves in DNS).
        flags = ["-n", self.ns, "-s", f"https://pvcwatch-e2e.invalid:{self.port}",
                 "--tls-server-name", "kubernetes"]
        env = dict(self.env, HTTPS_PROXY=proxy.url)
        for name in ("https_proxy", "NO_PROXY", "no_proxy"):
            env.pop(name, None)
        ours, theirs = self.both(token, *flags, env=env)
        self.assertEqual(ours.code, 0, ours)
        self.assertEqual(theirs.code, 0, theirs)
        self.assertIn("data-a", ours.out)
        self.assertEqual(proxy.tunnels[0].request_line,
                         f"CONNECT pvcwatch-e2e.invalid:{self.port} HTTP/1.1")
        self.assertEqual(proxy.tunnels[0].server_name, "kubernetes")
        self.assert_no_secret_in_clear(proxy)

        # Loopback servers and NO_PROXY matches go direct, as in Go.
        proxy.tunnels.clear()
        r = self.pvcwatch("--once", "-n", self.ns, "--kubeconfig", token, env=env)
        self.assertEqual(r.code, 0, r)
        r = self.pvcwatch("--once", "--kubeconfig", token, *flags,
                          env=dict(env, NO_PROXY="example.org,.INVALID"))
        self.assertEqual(r.code, 1, r)
        self.assertEqual(proxy.tunnels, [])

    def test_socks5_proxy_is_a_clear_error(self):
        kubeconfig = self.kubeconfig("socks.kubeconfig", [f"token: {self.token}"],
                                     ["proxy-url: socks5://127.0.0.1:1080"])
        r = self.pvcwatch("--once", "--kubeconfig", kubeconfig)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, "error: unsupported proxy socks5://127.0.0.1:1080 (proxy-url): "
                                "kubectl-pvcwatch can only use http:// proxies\n")

    # -- in-cluster and kubeconfig errors

    def test_in_cluster_service_account(self):
        sa = os.path.join(self.tmp, "serviceaccount")
        os.makedirs(sa)
        shutil.copy(self.cluster_file("token"), os.path.join(sa, "token"))
        shutil.copy(self.cluster_file("pki/ca.crt"), os.path.join(sa, "ca.crt"))
        self.write("serviceaccount/namespace", self.ns)
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        env = {k: v for k, v in self.env.items()
               if k not in ("KUBECONFIG", "POD_NAMESPACE", "HTTPS_PROXY", "https_proxy")}
        env.update(HOME=home, KUBERNETES_SERVICE_HOST="127.0.0.1",
                   KUBERNETES_SERVICE_PORT=str(self.port), PVCWATCH_SERVICEACCOUNT_DIR=sa)
        r = self.pvcwatch("--once", env=env)
        self.assertEqual(r.code, 0, r)
        self.assertIn("data-a", r.out)

    def test_missing_kubeconfig_file_matches_kubectl(self):
        missing = os.path.join(self.tmp, "missing.kubeconfig")
        ours, theirs = self.both(missing)
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err, f"error: stat {missing}: no such file or directory\n")

    def test_unknown_context_matches_kubectl(self):
        ours, theirs = self.both(self.cluster_file("admin.kubeconfig"), "--context", "nope")
        self.assert_same_failure(ours, theirs, whole=True)
        self.assertEqual(ours.err,
                         "Error in configuration: context was not found for specified context: "
                         "nope\n")


if __name__ == "__main__":
    harness.main()
