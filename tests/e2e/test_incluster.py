"""deploy/ and scripts/image against the real control plane: every manifest is accepted by
kube-apiserver (server-side dry run, then applied); the release binary runs in in-cluster
mode with a token the TokenRequest API issued for the deploy ServiceAccount, with the
Deployment's own arguments, and lists, watches, follows quotas, records Events and serves
its probes and metrics; the ClusterRole is exactly enough (each rule, and each verb, taken
away in turn stops it with kubectl's own Forbidden words for the same request); the image
holds exactly the binary and a CA bundle, and its root filesystem, unpacked by umoci, runs
under chroot as user 65532 on a read-only root, as the pod would.

Needs the release binary of scripts/package (linux_amd64) and umoci (scripts/setup), and
root for the chroot; without them the tests skip with the reason (and fail in CI)."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import time

import harness
import scrape
import test_budgets
from release import PACKAGE_DIR

DEPLOY = os.path.join(harness.SOURCE_DIR, "deploy")
NAMESPACE = "pvcwatch"  # deploy/00-namespace.yaml
SA_USER = f"system:serviceaccount:{NAMESPACE}:pvcwatch"
RELEASE_BINARY = os.path.join(PACKAGE_DIR, "release", "linux_amd64", "bin", "kubectl-pvcwatch")
SA_MOUNT = "var/run/secrets/kubernetes.io/serviceaccount"  # where the kubelet mounts it
HOSTNAME = "pvcwatch"  # the Deployment's spec.hostname, which the kubelet makes $HOSTNAME
MI = 1 << 20

# What the layer holds, and nothing else: name -> (type, mode).
LAYER = {
    "etc": (tarfile.DIRTYPE, 0o755),
    "etc/ssl": (tarfile.DIRTYPE, 0o755),
    "etc/ssl/certs": (tarfile.DIRTYPE, 0o755),
    "etc/ssl/certs/ca-certificates.crt": (tarfile.REGTYPE, 0o644),
    "kubectl-pvcwatch": (tarfile.REGTYPE, 0o755),
}

applied = {}  # manifest file -> (dry run, apply): kubectl's Results, from setUpModule


def admin(*args, stdin=None, check=True):
    proc = subprocess.run(["kubectl", *args], env=harness._cluster_env(), input=stdin,
                          capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise RuntimeError(f"kubectl {' '.join(args)}: {proc.stderr}")
    return harness.Result(proc)


def manifests():
    return sorted(f for f in os.listdir(DEPLOY) if f.endswith(".yaml"))


def setUpModule():
    if harness._cluster_env() is None:
        return  # harness.main says why
    # A clean slate, so that the dry run is seen creating nothing.
    admin("delete", "-f", DEPLOY, "--ignore-not-found", "--wait=true", "--timeout=120s")
    for name in manifests():
        path = os.path.join(DEPLOY, name)
        dry = admin("apply", "--dry-run=server", "-f", path, check=False)
        absent = admin("get", "-f", path, "--ignore-not-found", "-o", "name", check=False)
        real = admin("apply", "-f", path, check=False)
        applied[name] = (dry, absent, real)


def tearDownModule():
    if images_dir:
        shutil.rmtree(images_dir, ignore_errors=True)
    if harness._cluster_env() is not None:
        admin("delete", "-f", DEPLOY, "--ignore-not-found", "--wait=false", check=False)


def deployment_args():
    """The container's args, as the API server stored the Deployment."""
    deployment = json.loads(admin("get", "deployment", "pvcwatch", "-n", NAMESPACE,
                                  "-o", "json").out)
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    return container["args"]


def local_metrics(args):
    """The Deployment's args with the metrics on a free loopback port instead of :9090
    (this machine is shared)."""
    return [("--metrics-addr=127.0.0.1:0" if a.startswith("--metrics-addr") else a)
            for a in args]


class InClusterTest(harness.ClusterTest):
    quota = test_budgets.BudgetsTest.quota
    set_quota = test_budgets.BudgetsTest.set_quota
    wait_enforced = test_budgets.BudgetsTest.wait_enforced

    def setUp(self):
        super().setUp()
        if not os.path.exists(RELEASE_BINARY):
            harness.prerequisite(f"no release binary at {RELEASE_BINARY} (scripts/package "
                                 f"--platforms linux_amd64 with PVCWATCH_RELEASE_DIR="
                                 f"{os.path.join(PACKAGE_DIR, 'release')})")
        self.binary = self.plugin = RELEASE_BINARY  # what the image holds, and Watcher runs
        with open(self.cluster_file("apiserver.port")) as f:
            self.port = f.read().strip()
        self.server = f"https://127.0.0.1:{self.port}"
        self.ca = self.cluster_file("pki/ca.crt")
        self.tmp = tempfile.mkdtemp(prefix="pvcwatch-incluster-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.home = os.path.join(self.tmp, "home")  # empty: no kubeconfig to find
        os.makedirs(self.home)
        self.token = self.kubectl("create", "token", "pvcwatch", "-n", NAMESPACE,
                                  "--duration=1h").out.strip()

    # -- what a pod has

    def service_account_dir(self, root):
        """The token, the cluster's CA and the namespace, as the kubelet mounts them."""
        os.makedirs(root, exist_ok=True)
        for name, text in [("token", self.token), ("namespace", NAMESPACE)]:
            with open(os.path.join(root, name), "w") as f:
                f.write(text)
        shutil.copy(self.ca, os.path.join(root, "ca.crt"))
        for name in ("token", "namespace", "ca.crt"):
            os.chmod(os.path.join(root, name), 0o644)
        return root

    def pod_env(self, **extra):
        """Only what the kubelet puts in a container's environment (no KUBECONFIG)."""
        return dict(PATH=os.environ["PATH"], HOME=self.home, HOSTNAME=HOSTNAME,
                    KUBERNETES_SERVICE_HOST="127.0.0.1", KUBERNETES_SERVICE_PORT=self.port,
                    **extra)

    def in_cluster_env(self):
        return self.pod_env(PVCWATCH_SERVICEACCOUNT_DIR=self.service_account_dir(
            os.path.join(self.tmp, "serviceaccount")))

    def token_kubectl(self, *args, stdin=None):
        """kubectl with the ServiceAccount's token and nothing else."""
        env = dict(self.env, HOME=self.home)
        env.pop("KUBECONFIG", None)
        return self.run_cmd(["kubectl", "--server", self.server, "--certificate-authority",
                             self.ca, "--token", self.token, *args], env=env, stdin=stdin,
                            timeout=30)

    def watch(self, args, env, program=None):
        return harness.Watcher(self, args, env=env, program=program)

    # -- the watcher's endpoints

    def metrics_port(self, w):
        return scrape.metrics_port(self, w, timeout=20)

    def get(self, port, path):
        status, _, body = scrape.get(port, path)
        return status, body

    def wait_ready(self, port):
        deadline = time.monotonic() + 30
        while self.get(port, "/readyz")[0] != 200:
            self.assertLess(time.monotonic(), deadline, "/readyz never answered 200")
            time.sleep(0.1)

    def sample(self, port, name, **labels):
        """The value of one series on /metrics, or None."""
        scrape.require_parser()
        return scrape.value(scrape.samples(port), name, **labels)

    def events(self, reason, count=1, timeout=20):
        """pvcwatch's Events with `reason` in the test's namespace, once one reached count."""
        deadline = time.monotonic() + timeout
        while True:
            items = json.loads(self.kubectl("get", "events", "-n", self.ns, "-o",
                                            "json").out)["items"]
            found = [e for e in items if e.get("reason") == reason
                     and e.get("reportingComponent") == "pvcwatch"]
            if any(e.get("count", 0) >= count for e in found):
                return found
            if time.monotonic() > deadline:
                self.fail(f"no {reason} event with count {count} in {self.ns}: {items}")
            time.sleep(0.2)

    def run_as_deployed(self, env, program=None, prefix=()):
        """The Deployment's args (metrics on a free port) against a 10Gi quota holding a
        6Gi claim: lists, sees a claim created, follows the quota over and back, records
        both crossings, answers its probes and metrics. Returns the watcher."""
        self.quota(self.ns, "budget", {"requests.storage": "10Gi"})
        self.create_claim("a", "6Gi")
        w = self.watch([*prefix, *local_metrics(deployment_args())], env, program)
        w.wait_for("--- PVC Watch")
        port = self.metrics_port(w)
        self.assertEqual(self.get(port, "/healthz")[0], 200)
        self.wait_ready(port)
        budget = dict(namespace=self.ns, resourcequota="budget", resource="requests.storage")
        self.assertEqual(self.sample(port, "pvcwatch_budget_limit", **budget), 10 * (1 << 30))
        self.assertEqual(self.sample(port, "pvcwatch_budget_used", **budget), 6 * (1 << 30))

        self.create_claim("b", "2Gi")  # the watch
        w.wait_for(f"PVC {self.ns}/b added, claim size 2Gi")
        self.set_quota(self.ns, "budget", {"requests.storage": "5Gi"})  # the quotas' watch
        w.wait_for(f"Claim overage reached in {self.ns}: max 5Gi at 8Gi "
                   "(ResourceQuota/budget, requests.storage)")
        [overage] = self.events("ClaimOverage")
        self.assertEqual(overage["involvedObject"]["kind"], "ResourceQuota")
        self.assertEqual(overage["involvedObject"]["name"], "budget")
        self.assertEqual(overage["source"], {"component": "pvcwatch", "host": HOSTNAME})
        self.assertEqual(overage["type"], "Warning")
        self.set_quota(self.ns, "budget", {"requests.storage": "10Gi"})
        w.wait_for(f"Claim usage normal in {self.ns}: max 10Gi at 8Gi")
        [normal] = self.events("ClaimNormal")
        self.assertEqual(normal["type"], "Normal")
        self.assertEqual(self.sample(port, "pvcwatch_budget_over", **budget), 0)
        self.assertEqual(self.sample(port, "pvcwatch_synced"), 1)
        table = self.kubectl("get", "events", "-n", self.ns).out
        self.assertRegex(table, r"Warning\s+ClaimOverage\s+resourcequota/budget")
        w.port = port
        return w

    def rss(self, pid):
        """(VmRSS, VmHWM) of a process, in bytes."""
        with open(f"/proc/{pid}/status") as f:
            status = dict(line.split(":", 1) for line in f)
        return tuple(int(status[k].split()[0]) * 1024 for k in ("VmRSS", "VmHWM"))


class ManifestTest(InClusterTest):

    def test_every_manifest_passes_a_server_dry_run_then_is_applied(self):
        self.assertEqual(sorted(applied), ["00-namespace.yaml", "10-serviceaccount.yaml",
                                           "20-clusterrole.yaml", "30-clusterrolebinding.yaml",
                                           "40-deployment.yaml"])
        for name, (dry, absent, real) in applied.items():
            self.assertEqual(dry.code, 0, f"{name}: {dry}")
            self.assertRegex(dry.out, r"^[\w./-]+ created \(server dry run\)\n$", name)
            self.assertEqual(absent.out, "", f"{name}: the dry run created it")
            self.assertEqual(real.code, 0, f"{name}: {real}")
            self.assertEqual(real.out, dry.out.replace(" (server dry run)", ""), name)

    def test_the_deployment_as_stored(self):
        deployment = json.loads(self.kubectl("get", "deployment", "pvcwatch", "-n", NAMESPACE,
                                             "-o", "json").out)
        pod = deployment["spec"]["template"]["spec"]
        [container] = pod["containers"]
        self.assertEqual(pod["serviceAccountName"], "pvcwatch")
        self.assertEqual(pod["hostname"], HOSTNAME)
        self.assertEqual(pod["securityContext"],
                         {"runAsNonRoot": True, "runAsUser": 65532, "runAsGroup": 65532,
                          "seccompProfile": {"type": "RuntimeDefault"}})
        self.assertEqual(container["securityContext"],
                         {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                          "capabilities": {"drop": ["ALL"]}})
        self.assertEqual(container["livenessProbe"]["httpGet"]["path"], "/healthz")
        self.assertEqual(container["readinessProbe"]["httpGet"]["path"], "/readyz")
        self.assertEqual(container["ports"][0]["containerPort"], 9090)
        self.assertIn("--metrics-addr=:9090", container["args"])
        self.assertEqual(container["resources"], {"requests": {"cpu": "10m", "memory": "32Mi"},
                                                  "limits": {"memory": "128Mi"}})


class ServiceAccountTest(InClusterTest):

    def test_runs_in_cluster_with_a_token_from_the_token_request_api(self):
        w = self.run_as_deployed(self.in_cluster_env())
        rss, hwm = self.rss(w.proc.pid)
        # A figure for README's sizing, not a test: memory targets live in benchmarks.
        print(f"\nin-cluster RSS {rss / MI:.1f} MiB, peak {hwm / MI:.1f} MiB", file=sys.stderr)
        self.assertEqual(w.interrupt(signal_term()), 0, w.err_lines)

    def test_the_token_is_the_service_accounts(self):
        r = self.token_kubectl("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")
        self.assertEqual(r.out, SA_USER, r)


def signal_term():
    import signal
    return signal.SIGTERM  # what the kubelet sends


# The ClusterRole's rules, as deploy/20-clusterrole.yaml has them.
FULL_RULES = [
    {"apiGroups": [""], "resources": ["persistentvolumeclaims"], "verbs": ["list", "watch"]},
    {"apiGroups": [""], "resources": ["resourcequotas"], "verbs": ["list", "watch"]},
    {"apiGroups": [""], "resources": ["events"], "verbs": ["create", "patch"]},
]


def forbidden(verb, resource, ns=None, name=None):
    where = f'in the namespace "{ns}"' if ns else "at the cluster scope"
    what = f'{resource} "{name}"' if name else resource
    return (f'Error from server (Forbidden): {what} is forbidden: User "{SA_USER}" cannot '
            f'{verb} resource "{resource}" in API group "" {where}')


class RbacTest(InClusterTest):
    """The ClusterRole is exactly enough: without any one of its verbs the watcher stops (or,
    for events, says it could not record), in kubectl's words for the same request."""

    def setUp(self):
        super().setUp()
        self.addCleanup(self.restore)

    def rules_without(self, resource, verb=None):
        rules = []
        for rule in FULL_RULES:
            if rule["resources"] == [resource]:
                if verb is None:
                    continue
                rule = dict(rule, verbs=[v for v in rule["verbs"] if v != verb])
            rules.append(rule)
        return rules

    def can(self, verb, resource, ns=None):
        scope = ["-n", ns] if ns else ["--all-namespaces"]
        r = self.kubectl("auth", "can-i", verb, resource, *scope, "--as", SA_USER, check=False)
        return r.out.strip() == "yes"

    def wait_rbac(self, expect):
        """Until the authorizer answers `expect`: {(verb, resource): allowed}."""
        deadline = time.monotonic() + 30
        while True:
            now = {(v, r): self.can(v, r, self.ns if r == "events" else None)
                   for v, r in expect}
            if now == expect:
                return
            self.assertLess(time.monotonic(), deadline, f"RBAC never became {expect}: {now}")
            time.sleep(0.2)

    def expect_all(self, allowed=True, but=()):
        return {(v, rule["resources"][0]): allowed and (v, rule["resources"][0]) not in but
                for rule in FULL_RULES for v in rule["verbs"]}

    def set_rules(self, rules, denied):
        role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                "metadata": {"name": "pvcwatch", "labels": {"app.kubernetes.io/name":
                                                            "pvcwatch"}},
                "rules": rules}
        self.kubectl("apply", "-f", "-", stdin=json.dumps(role))
        self.wait_rbac(self.expect_all(but=denied))

    def restore(self):
        self.kubectl("apply", "-f", os.path.join(DEPLOY, "20-clusterrole.yaml"))
        self.kubectl("apply", "-f", os.path.join(DEPLOY, "30-clusterrolebinding.yaml"))
        self.wait_rbac(self.expect_all())

    def fails_as_kubectl(self, kubectl_args, expected):
        """The watcher, as deployed, ends with `expected` (exit 1), the very line kubectl
        prints for the same request with the same token."""
        self.create_claim("a", "1Gi")
        w = self.watch(local_metrics(deployment_args()), self.in_cluster_env())
        code = w.proc.wait(timeout=60)
        w.drain(0.5)
        self.assertEqual(code, 1, w.err_lines)
        self.assertEqual(w.err_lines[-1], expected, w.err_lines)
        theirs = self.token_kubectl(*kubectl_args)
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual(theirs.err, expected + "\n")

    def without(self, resource, verb):
        """`resource`'s rule without `verb`: the watcher stops at that verb's request, in
        the words kubectl has for `kubectl get RESOURCE -A` (--watch-only: list, then
        watch). Without the list, the whole rule goes (a watch needs its list)."""
        if verb == "list":
            self.set_rules(self.rules_without(resource),
                           {("list", resource), ("watch", resource)})
        else:
            self.set_rules(self.rules_without(resource, verb), {(verb, resource)})
        self.fails_as_kubectl(["get", resource, "-A"] + (["--watch-only"] if verb == "watch"
                                                         else []),
                              forbidden(verb, resource))

    def test_without_listing_claims(self):
        self.without("persistentvolumeclaims", "list")

    def test_without_watching_claims(self):
        self.without("persistentvolumeclaims", "watch")

    def test_without_listing_quotas(self):
        self.without("resourcequotas", "list")

    def test_without_watching_quotas(self):
        self.without("resourcequotas", "watch")

    def test_without_the_binding(self):
        self.kubectl("delete", "clusterrolebinding", "pvcwatch")
        self.wait_rbac(self.expect_all(allowed=False))
        # The quotas are listed first (the budgets must exist before the claims count).
        self.fails_as_kubectl(["get", "resourcequotas", "-A"],
                              forbidden("list", "resourcequotas"))

    def crossing(self, w, over):
        self.set_quota(self.ns, "budget", {"requests.storage": "5Gi" if over else "10Gi"})
        w.wait_for(f"Claim overage reached in {self.ns}" if over
                   else f"Claim usage normal in {self.ns}")

    def not_recorded(self, w, reason):
        """The notice saying `reason`'s Event was not recorded: its server error."""
        prefix = f"--record-events: the {reason} event was not recorded: "
        deadline = time.monotonic() + 20
        while True:  # (the bed's other namespaces may have crossings of their own)
            lines = [l for l in w.err_lines if prefix in l and f'"{self.ns}"' in l]
            if lines:
                return lines[0][lines[0].index(prefix) + len(prefix):]
            self.assertLess(time.monotonic(), deadline, w.err_lines)
            time.sleep(0.1)

    def test_without_creating_events(self):
        self.set_rules(self.rules_without("events"),
                       {("create", "events"), ("patch", "events")})
        self.quota(self.ns, "budget", {"requests.storage": "10Gi"})
        self.create_claim("a", "6Gi")
        w = self.watch(local_metrics(deployment_args()), self.in_cluster_env())
        w.wait_for("--- PVC Watch")
        self.crossing(w, over=True)
        # The notice carries the server's message; kubectl prints it after its prefix.
        ours = self.not_recorded(w, "ClaimOverage")
        self.assertEqual("Error from server (Forbidden): " + ours,
                         forbidden("create", "events", self.ns))
        # kubectl's create also says which input it was creating.
        event = {"apiVersion": "v1", "kind": "Event",
                 "metadata": {"name": "probe", "namespace": self.ns},
                 "involvedObject": {"kind": "Namespace", "name": self.ns}}
        theirs = self.token_kubectl("create", "-f", "-", stdin=json.dumps(event))
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual(theirs.err, 'Error from server (Forbidden): error when creating '
                         f'"STDIN": {ours}\n')
        self.assertIsNone(w.proc.poll(), "the watch goes on")

    def test_without_patching_events(self):
        self.set_rules(self.rules_without("events", "patch"), {("patch", "events")})
        self.quota(self.ns, "budget", {"requests.storage": "10Gi"})
        self.create_claim("a", "6Gi")
        w = self.watch(local_metrics(deployment_args()), self.in_cluster_env())
        w.wait_for("--- PVC Watch")
        self.crossing(w, over=True)
        [overage] = self.events("ClaimOverage")
        self.crossing(w, over=False)
        self.crossing(w, over=True)  # the same crossing again: client-go patches its count
        ours = self.not_recorded(w, "ClaimOverage")
        name = overage["metadata"]["name"]
        self.assertEqual("Error from server (Forbidden): " + ours,
                         forbidden("patch", "events", self.ns, name))
        # (-f, not the name: by name kubectl reads the Event before it patches it.)
        event = {"apiVersion": "v1", "kind": "Event",
                 "metadata": {"name": name, "namespace": self.ns}}
        theirs = self.token_kubectl("patch", "-f", "-", "--type=strategic", "-p",
                                    '{"count": 2}', stdin=json.dumps(event))
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual(theirs.err, f"Error from server (Forbidden): {ours}\n")
        self.assertIsNone(w.proc.poll(), "the watch goes on")


images_dir = None  # scripts/image's output, twice, from the first ImageTest


def built_images(binary):
    """[(layout, digest)] of two runs of scripts/image on the same binary."""
    global images_dir
    if images_dir is None:
        images_dir = tempfile.mkdtemp(prefix="pvcwatch-image-")
    images = []
    for attempt in range(2):  # the same inputs, twice: the same digest
        out = os.path.join(images_dir, f"image{attempt}")
        if not os.path.exists(os.path.join(out, "oci")):
            proc = subprocess.run([os.path.join(harness.SOURCE_DIR, "scripts", "image"), binary],
                                  capture_output=True, text=True, timeout=300,
                                  env=dict(os.environ, PVCWATCH_IMAGE_DIR=out))
            if proc.returncode != 0:
                raise AssertionError(f"scripts/image failed: {proc.stderr}")
            with open(os.path.join(out, "digest"), "w") as f:
                f.write(proc.stdout.strip())
        with open(os.path.join(out, "digest")) as f:
            images.append((os.path.join(out, "oci"), f.read()))
    return images


def umoci(*args):
    return subprocess.run(["umoci", *args], capture_output=True, text=True, timeout=120)


class ImageTest(InClusterTest):
    """scripts/image's OCI layout, read by umoci and by hand, then its root filesystem run
    as the Deployment runs it."""

    def setUp(self):
        super().setUp()
        if shutil.which("umoci") is None:
            harness.prerequisite("umoci is not installed (scripts/setup)")
        self.images = built_images(self.binary)
        self.layout, self.digest = self.images[0]

    def blob(self, digest):
        return os.path.join(self.layout, "blobs", *digest.split(":"))

    def json_blob(self, digest):
        with open(self.blob(digest)) as f:
            return json.load(f)

    def test_reproducible(self):
        self.assertRegex(self.digest, r"^sha256:[0-9a-f]{64}$")
        self.assertEqual(self.images[0][1], self.images[1][1])
        with open(os.path.join(images_dir, "image0", "kubectl-pvcwatch.oci.tar"), "rb") as a, \
                open(os.path.join(images_dir, "image1", "kubectl-pvcwatch.oci.tar"), "rb") as b:
            self.assertTrue(a.read() == b.read(), "the archives differ")

    def test_one_layer_with_the_binary_and_the_ca_bundle_only(self):
        stat = umoci("stat", "--image", f"{self.layout}:latest", "--json")
        self.assertEqual(stat.returncode, 0, stat.stderr)
        [history] = json.loads(stat.stdout)["history"]
        self.assertFalse(history.get("empty_layer", False))
        manifest = self.json_blob(self.digest)
        [layer] = manifest["layers"]
        self.assertEqual(layer["mediaType"], "application/vnd.oci.image.layer.v1.tar+gzip")
        self.assertEqual(history["layer"]["digest"], layer["digest"])
        with tarfile.open(self.blob(layer["digest"])) as tar:
            members = {m.name: m for m in tar.getmembers()}
            self.assertEqual({n: (m.type, m.mode) for n, m in members.items()}, LAYER)
            self.assertEqual({(m.uid, m.gid) for m in members.values()}, {(0, 0)})
            binary = tar.extractfile("kubectl-pvcwatch").read()
            bundle = tar.extractfile("etc/ssl/certs/ca-certificates.crt").read().decode()
        self.assertEqual(binary[:4], b"\x7fELF")
        self.assertGreater(bundle.count("-----BEGIN CERTIFICATE-----"), 100)
        config = self.json_blob(manifest["config"]["digest"])
        self.assertEqual(config["config"]["Entrypoint"], ["/kubectl-pvcwatch"])
        self.assertEqual(config["config"]["User"], "65532:65532")
        self.assertNotIn("Cmd", config["config"])
        self.assertEqual((config["os"], config["architecture"]), ("linux", "amd64"))
        labels = config["config"]["Labels"]
        version = subprocess.run([self.binary, "--version"], capture_output=True, text=True,
                                 check=True).stdout.split()[1]
        self.assertEqual(labels["org.opencontainers.image.version"], version)
        self.assertEqual(labels["org.opencontainers.image.title"], "kubectl-pvcwatch")
        self.assertEqual(config["rootfs"]["diff_ids"][0][:7], "sha256:")

    def unpack(self):
        if os.geteuid() != 0:
            harness.prerequisite("running the image's root filesystem needs root (chroot, "
                                 "mknod, mount)")
        bundle = os.path.join(self.tmp, "bundle")
        r = umoci("unpack", "--image", f"{self.layout}:latest", bundle)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(bundle, "config.json")) as f:
            return os.path.join(bundle, "rootfs"), json.load(f)["process"]

    def test_unpacked_by_umoci(self):
        root, process = self.unpack()
        found = set()
        for parent, dirs, files in os.walk(root):
            found.update(os.path.relpath(os.path.join(parent, n), root) for n in dirs + files)
        self.assertEqual(found, set(LAYER))
        self.assertEqual(process["args"], ["/kubectl-pvcwatch"])
        self.assertEqual((process["user"]["uid"], process["user"]["gid"]), (65532, 65532))

    def test_its_root_filesystem_runs_as_the_pod_would(self):
        root, process = self.unpack()
        # What the kubelet and the runtime add: /dev's nodes (std::random_device reads
        # /dev/urandom), the service account's volume.
        os.makedirs(os.path.join(root, "dev"))
        for name, minor in [("null", 3), ("urandom", 9)]:
            path = os.path.join(root, "dev", name)
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            os.chmod(path, 0o666)
        self.service_account_dir(os.path.join(root, SA_MOUNT))
        for parent, dirs, _ in os.walk(os.path.join(root, "var")):
            for d in dirs:
                os.chmod(os.path.join(parent, d), 0o755)
        os.chmod(os.path.join(root, "var"), 0o755)
        uid, gid = process["user"]["uid"], process["user"]["gid"]
        # The root read-only (readOnlyRootFilesystem), in a mount namespace of its own.
        script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && root=$1 && '
                  'shift && exec chroot --userspec="$0" "$root" "$@"')
        env = dict(self.pod_env(), HOME="/")
        w = self.run_as_deployed(env, program="unshare",
                                 prefix=["-m", "sh", "-c", script, f"{uid}:{gid}", root,
                                         *process["args"]])
        pid = w.proc.pid
        with open(f"/proc/{pid}/status") as f:
            status = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
        self.assertEqual(status["Uid"].split(), [str(uid)] * 4)
        self.assertEqual(status["Gid"].split(), [str(gid)] * 4)
        self.assertEqual(int(status["CapEff"], 16), 0)
        self.assertEqual(os.readlink(f"/proc/{pid}/root"), root)
        with open(f"/proc/{pid}/mountinfo") as f:
            [mount] = [line.split() for line in f if line.split()[4] == "/"]
        self.assertIn("ro", mount[5].split(","), mount)
        rss, hwm = self.rss(pid)
        print(f"\nimage RSS {rss / MI:.1f} MiB, peak {hwm / MI:.1f} MiB", file=sys.stderr)
        self.assertEqual(w.interrupt(signal_term()), 0, w.err_lines)


if __name__ == "__main__":
    harness.main()
