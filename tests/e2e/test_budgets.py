"""--max-claims quota against the real control plane with kube-controller-manager: the
plugin's budgets equal the quotas' own status.used at every step, crossings are announced
once per budget, admission refuses exactly what the plugin said would not fit, and a user
who may not read quotas is told so as kubectl tells it."""

import json
import os
import shlex
import time

import harness
from harness import gi

CLAIM_KEYS = ("requests.storage", "persistentvolumeclaims", "count/persistentvolumeclaims")


def is_claim_key(key):
    return key in CLAIM_KEYS or ".storageclass.storage.k8s.io/" in key


def amount(key, quantity):
    """A count as an int, a storage quantity in Gi."""
    return int(quantity) if key.endswith("persistentvolumeclaims") else gi(quantity)


class BudgetsTest(harness.ClusterTest):
    def namespaces(self, *suffixes):
        names = [f"{self.ns}-{s}" for s in suffixes]
        for name in names:
            self.kubectl("create", "namespace", name)
        return names

    def quota(self, ns, name, hard):
        spec = ",".join(f"{k}={v}" for k, v in hard.items())
        self.kubectl("create", "quota", name, "-n", ns, f"--hard={spec}")
        self.wait_enforced(ns, name, hard)

    def set_quota(self, ns, name, hard):
        self.kubectl("patch", "quota", name, "-n", ns, "--type=merge",
                     "-p", json.dumps({"spec": {"hard": hard}}))
        self.wait_enforced(ns, name, hard)

    def wait_enforced(self, ns, name, hard):
        """Until the quota controller has copied the limits to status.hard, which is what
        admission enforces."""
        deadline = time.monotonic() + 20
        while True:
            status = json.loads(self.kubectl("get", "quota", name, "-n", ns, "-o", "json").out)
            if all(status.get("status", {}).get("hard", {}).get(k) == v for k, v in hard.items()):
                return
            if time.monotonic() > deadline:
                self.fail(f"quota {ns}/{name} not enforced: {status.get('status')}")
            time.sleep(0.1)

    def claim(self, ns, name, size, storage_class):
        self.create_claim(name, size, ns=ns, storage_class=storage_class)

    def bind(self, ns, name, allocated=None):
        """Bound (what a resize needs), with status.allocatedResources when given: the
        resize a CSI resizer has allocated."""
        status = {"phase": "Bound"}
        if allocated:
            status["allocatedResources"] = {"storage": allocated}
        self.kubectl("patch", "pvc", name, "-n", ns, "--subresource=status", "--type=merge",
                     "-p", json.dumps({"status": status}))

    def once(self, *args):
        r = self.pvcwatch("--once", "-A", "--max-claims", "quota", "-o", "json", *args)
        self.assertIn(r.code, (0, 3), r)
        return json.loads(r.out)

    def quota_used(self, namespaces):
        """(namespace, quota, key) -> status.used, for the claim keys of every quota."""
        items = json.loads(self.kubectl("get", "quota", "-A", "-o", "json").out)["items"]
        used = {}
        for item in items:
            ns = item["metadata"]["namespace"]
            if ns not in namespaces:
                continue
            status = item.get("status", {}).get("used", {})
            for key in item["spec"].get("hard", {}):
                if is_claim_key(key):
                    used[(ns, item["metadata"]["name"], key)] = amount(key, status.get(key, "0"))
        return used

    def plugin_used(self, document, namespaces):
        return {(b["namespace"], b["quota"], b["resource"]): amount(b["resource"], b["used"])
                for b in document["budgets"] if b["namespace"] in namespaces}

    def assert_figures_match(self, namespaces, step):
        """The plugin's budgets and per-namespace totals (quota basis) equal what the
        quota controller wrote, once it has caught up with the step."""
        deadline = time.monotonic() + 15
        while True:
            document = self.once()
            ours, theirs = self.plugin_used(document, namespaces), self.quota_used(namespaces)
            totals = {ns: gi(q) for ns, q in document.get("namespaces", {}).items()
                      if ns in namespaces}
            storage = {ns: v for (ns, _, key), v in theirs.items() if key == "requests.storage"}
            if ours == theirs and all(totals.get(ns, 0) == v for ns, v in storage.items()):
                self.assertEqual(document["count"], "quota")
                return document
            if time.monotonic() > deadline:
                self.assertEqual(ours, theirs, step)
                self.assertEqual({ns: totals.get(ns, 0) for ns in storage}, storage, step)
            time.sleep(0.2)

    def test_figures_equal_the_quotas_status_used_at_every_step(self):
        a, b, c = names = self.namespaces("a", "b", "c")
        self.quota(a, "budget", {"requests.storage": "100Gi", "persistentvolumeclaims": "5",
                                 "gold.storageclass.storage.k8s.io/requests.storage": "50Gi"})
        self.quota(b, "budget", {"requests.storage": "60Gi"})
        self.quota(b, "bronze-count",
                   {"bronze.storageclass.storage.k8s.io/persistentvolumeclaims": "2"})
        self.quota(c, "budget", {"requests.storage": "200Gi",
                                 "gold.storageclass.storage.k8s.io/requests.storage": "30Gi"})
        self.assert_figures_match(names, "empty namespaces")
        self.claim(a, "a1", "20Gi", "gold")
        self.claim(a, "a2", "10Gi", "bronze")
        self.claim(b, "b1", "15Gi", "bronze")
        self.claim(c, "c1", "25Gi", "gold")
        document = self.assert_figures_match(names, "after creates")
        self.assertEqual(len(self.plugin_used(document, names)), 7)
        # A resize under way: allocatedResources (set by a resizer through /status) is
        # charged while larger than the request; then a request raised past it.
        self.bind(a, "a1", allocated="40Gi")
        self.assert_figures_match(names, "after an allocation")
        self.bind(a, "a2")
        self.kubectl("patch", "pvc", "a2", "-n", a, "--type=merge",
                     "-p", '{"spec":{"resources":{"requests":{"storage":"25Gi"}}}}')
        self.assert_figures_match(names, "after a resize")
        self.kubectl("delete", "pvc", "b1", "-n", b)
        self.assert_figures_match(names, "after a deletion")
        self.set_quota(a, "budget", {"gold.storageclass.storage.k8s.io/requests.storage": "45Gi"})
        self.set_quota(c, "budget", {"persistentvolumeclaims": "3"})
        document = self.assert_figures_match(names, "after quota edits")
        self.assertEqual(len(self.plugin_used(document, names)), 8)

    def crossings(self, w, ns, kind):
        return sum(1 for line in w.lines if f"Claim {kind} in {ns}:" in line)

    def settled(self, w, marker):
        """Until the watch has seen everything before a claim created now (in the test's
        own namespace, which no quota budgets)."""
        self.claim(self.ns, marker, "1Mi", None)
        w.wait_for(f"PVC {self.ns}/{marker} added")

    def test_a_lowered_quota_is_one_overage_and_a_raised_one_one_normal(self):
        a, b = self.namespaces("a", "b")
        self.quota(a, "budget", {"requests.storage": "100Gi"})
        self.quota(b, "budget", {"requests.storage": "100Gi"})
        self.claim(a, "data", "60Gi", "gold")
        self.claim(b, "data", "50Gi", "gold")
        w = harness.Watcher(self, ["-A", "--max-claims", "quota"])
        w.wait_for("--- PVC Watch (ResourceQuota budgets) ----")
        self.set_quota(a, "budget", {"requests.storage": "50Gi"})
        w.wait_for(f"Claim overage reached in {a}: max 50Gi at 60Gi "
                   f"(ResourceQuota/budget, requests.storage)")
        self.settled(w, "m1")  # the controller's status write came and went
        self.set_quota(b, "budget", {"requests.storage": "40Gi"})
        w.wait_for(f"Claim overage reached in {b}: max 40Gi at 50Gi")
        self.set_quota(a, "budget", {"requests.storage": "200Gi"})
        w.wait_for(f"Claim usage normal in {a}: max 200Gi at 60Gi")
        self.settled(w, "m2")
        self.assertEqual(w.interrupt(), 0)
        self.assertEqual(self.crossings(w, a, "overage reached"), 1, w.lines)
        self.assertEqual(self.crossings(w, a, "usage normal"), 1, w.lines)
        self.assertEqual(self.crossings(w, b, "overage reached"), 1, w.lines)
        self.assertEqual(self.crossings(w, b, "usage normal"), 0, w.lines)
        self.assertEqual(sum(1 for l in w.lines if f"Max claims in {a} now" in l), 2, w.lines)

    def test_admission_refuses_what_the_plugin_says_does_not_fit(self):
        ns = self.ns
        self.quota(ns, "budget", {"requests.storage": "100Gi",
                                  "gold.storageclass.storage.k8s.io/requests.storage": "30Gi"})
        self.claim(ns, "big", "60Gi", "bronze")
        self.claim(ns, "fast", "20Gi", "gold")
        table = self.pvcwatch("--once", "-n", ns, "--max-claims", "quota")
        self.assertEqual(table.code, 0, table)
        # What a user reads: FREE, the most one more claim of that class may take.
        self.assertRegex(table.out, rf"{ns} +gold +requests.storage +20Gi +30Gi +66.7% +10Gi "
                                    rf"+ResourceQuota/budget")
        self.assertRegex(table.out, rf"{ns} +<all> +requests.storage +80Gi +100Gi +80.0% +20Gi ")

        def free(storage_class):
            budgets = self.once()["budgets"]
            return min(gi(b["free"]) for b in budgets if b["namespace"] == ns and
                       b.get("storageClass", storage_class) == storage_class)

        self.assertEqual(free("gold"), 10)
        refused = self.run_cmd(["kubectl", "apply", "-f", "-"], stdin=self.claim_yaml(
            ns, "too-big", "11Gi", "gold"))
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("exceeded quota: budget", refused.err)
        self.claim(ns, "fits", "10Gi", "gold")
        self.assertEqual(free("bronze"), 10)
        refused = self.run_cmd(["kubectl", "apply", "-f", "-"], stdin=self.claim_yaml(
            ns, "too-big", "11Gi", "bronze"))
        self.assertIn("exceeded quota: budget", refused.err)
        self.claim(ns, "fits-too", "10Gi", "bronze")
        self.assertEqual(free("bronze"), 0)
        # A cluster-wide limit at the same time: under it, but a budget is full, not over.
        r = self.pvcwatch("--once", "-n", ns, "--max-claims", "quota,1Ti", "-o", "json")
        self.assertEqual(r.code, 0, r)
        document = json.loads(r.out)
        self.assertEqual(document["maxClaims"], "1Ti")
        self.assertFalse(document["overage"])
        # Usage past a limit with no edit: admission charges an allocation but never refuses it.
        self.bind(ns, "fits")
        self.bind(ns, "fits", allocated="15Gi")
        r = self.pvcwatch("--once", "-n", ns, "--max-claims", "quota,1Ti")
        self.assertEqual(r.code, 3, r)
        self.assertRegex(r.out, rf"{ns} +gold +requests.storage +35Gi +30Gi +116.7% +0 \(over\)")

    def claim_yaml(self, ns, name, size, storage_class):
        return (f"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: {name}, "
                f"namespace: {ns}}}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: "
                f"{{requests: {{storage: {size}}}}}\n  storageClassName: {storage_class}\n")

    def test_warning_tier_and_the_action_name_the_budget(self):
        ns = self.ns
        self.quota(ns, "budget", {"requests.storage": "100Gi"})
        self.claim(ns, "a", "70Gi", "gold")
        log = os.path.join(self.cluster_dir, f"actions-{ns}.log")
        action = (f'echo "$PVCWATCH_EVENT $PVCWATCH_NAMESPACE $PVCWATCH_QUOTA $PVCWATCH_RESOURCE '
                  f'$PVCWATCH_TOTAL $PVCWATCH_MAX_CLAIMS" >> {shlex.quote(log)}')
        w = harness.Watcher(self, ["-n", ns, "--max-claims", "quota", "--warn-at", "80%",
                                   "--exec", action, "-o", "json"])
        w.wait_for('"type":"LIST"')
        self.claim(ns, "b", "15Gi", "gold")
        line = w.wait_for('"type":"WARNING"')
        event = json.loads(line)
        self.assertEqual(event["budget"], {
            "namespace": ns, "quota": "budget", "resource": "requests.storage", "used": "85Gi",
            "limit": "100Gi", "free": "15Gi", "percent": 85, "over": False})
        self.assertTrue(event["action"])
        self.claim(ns, "c", "1Gi", "gold")  # still past 80%: no second warning
        w.wait_for('"name":"c"')
        self.assertEqual(w.interrupt(), 0)
        self.assertEqual(sum(1 for l in w.lines if '"type":"WARNING"' in l), 1, w.lines)
        self.assertEqual(self.read_when_written(log),
                         f"warning {ns} budget requests.storage 85Gi 100Gi\n")

    @staticmethod
    def read_when_written(path, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(path):
                with open(path) as f:
                    text = f.read()
                if text.endswith("\n"):
                    return text
            time.sleep(0.1)
        return None

    def test_a_user_who_may_not_read_quotas_is_told_as_kubectl_tells_it(self):
        ns = self.ns
        self.kubectl("create", "role", "pvc-reader-e2e", "-n", ns,
                     "--verb=get,list,watch", "--resource=persistentvolumeclaims")
        self.kubectl("create", "rolebinding", "reader", "-n", ns, "--role=pvc-reader-e2e",
                     "--group=pvcwatch:readers")
        env = dict(self.env, KUBECONFIG=self.cluster_file("restricted.kubeconfig"))
        ours = self.pvcwatch("--once", "-n", ns, "--max-claims", "quota", env=env)
        theirs = self.run_cmd(["kubectl", "get", "resourcequotas", "-n", ns], env=env)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(theirs.code, 1, theirs)
        self.assertEqual(ours.err, theirs.err)
        self.assertEqual(ours.err,
                         f'Error from server (Forbidden): resourcequotas is forbidden: User '
                         f'"alice" cannot list resource "resourcequotas" in API group "" in the '
                         f'namespace "{ns}"\n')
        # Claims alone still work for this user.
        self.assertEqual(self.pvcwatch("--once", "-n", ns, env=env).code, 0)


if __name__ == "__main__":
    harness.main()
