"""The watch on the real control plane: the running total stays equal to the ground truth
(a fresh list) through creates, resizes, deletions, selectors, server restarts, watch
timeouts and expired resource versions; crossings are announced once; actions run."""

import json
import os
import re
import shlex
import signal
import subprocess
import time

import harness

AT = harness.AT


class WatchTest(harness.ClusterTest):

    def last_total(self, watcher):
        totals = [AT.search(line).group(1) for line in watcher.lines if AT.search(line)]
        self.assertTrue(totals, "no 'At ...% claim capacity' line")
        return totals[-1]

    def assert_total(self, watcher, gi, selector=None):
        self.assertEqual(self.ground_truth_gi(selector), gi)
        expected = f"{gi}Gi" if gi else "0"
        watcher.wait_for(lambda line: AT.search(line) and AT.search(line).group(1) == expected)
        once = json.loads(self.pvcwatch("--once", "-n", self.ns, "-o", "json",
                                        *(["-l", selector] if selector else [])).out)
        self.assertEqual(once["total"], expected)

    def bind(self, name, capacity):
        self.kubectl("patch", "pvc", name, "-n", self.ns, "--subresource=status", "--type=merge",
                     "-p", json.dumps({"status": {"phase": "Bound", "capacity": {"storage": capacity},
                                                  "accessModes": ["ReadWriteOnce"]}}))

    def test_article_story_with_action(self):
        log = os.path.join(self.cluster_dir, f"{self.ns}-action.log")
        action = f'echo "$PVCWATCH_EVENT $PVCWATCH_TOTAL $PVCWATCH_MAX_CLAIMS $PVCWATCH_PERCENT $PVCWATCH_NAMESPACE" >> {shlex.quote(log)}'
        w = harness.Watcher(self, ["-n", self.ns, "--exec", action])
        w.wait_for("--- PVC Watch (max claims 200Gi) ----")
        self.create_claim("my-redis-redis", "50Gi")
        w.wait_for("PVC my-redis-redis added, claim size 50Gi")
        self.create_claim("my-redis2-redis", "100Gi")
        w.wait_for("At 75.0% claim capacity (150Gi/200Gi)")
        self.create_claim("my-influx-influxdb", "75Gi")
        w.wait_for("Claim overage reached: max 200Gi at 225Gi")
        w.wait_for("At 112.5% claim capacity (225Gi/200Gi)")
        # A finalizer of its own (as a backup operator's) keeps the deleted claim
        # Terminating, which is still counted: kube-controller-manager's pvc-protection
        # controller lets an unused claim go at once.
        self.kubectl("patch", "pvc", "my-redis2-redis", "-n", self.ns, "--type=merge",
                     "-p", '{"metadata":{"finalizers":["example.com/hold"]}}')
        self.kubectl("delete", "pvc", "my-redis2-redis", "-n", self.ns, "--wait=false")
        # A claim created after the delete: the watch delivers events in order, so by its
        # line the Terminating claim's update has been seen, and must not have removed it.
        self.create_claim("zz-sentinel", "1Gi")
        w.wait_for("PVC zz-sentinel added, claim size 1Gi")
        self.assertFalse([l for l in w.lines if "removed" in l], w.lines)
        self.kubectl("patch", "pvc", "my-redis2-redis", "-n", self.ns, "--type=merge",
                     "-p", '{"metadata":{"finalizers":null}}')
        w.wait_for("PVC my-redis2-redis removed, size 100Gi")
        w.wait_for("Claim usage normal: max 200Gi at 126Gi")
        self.assert_total(w, 126)
        self.assertEqual(w.interrupt(), 0)
        text = "\n".join(w.lines)
        self.assertEqual(text.count("Claim overage reached"), 1)
        self.assertEqual(text.count("Claim usage normal"), 1)
        self.assertEqual(text.count("*** Taking action ***"), 2)
        self.assertRegex(w.lines[-1], r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d At 63.0% claim capacity")
        deadline = time.monotonic() + 10
        def logged():
            if not os.path.exists(log):
                return []
            with open(log) as f:
                return f.read().splitlines()
        while time.monotonic() < deadline and len(logged()) < 2:
            time.sleep(0.1)
        self.assertEqual(logged(),
                         [f"overage 225Gi 200Gi 112.5 {self.ns}", f"normal 126Gi 200Gi 63.0 {self.ns}"])

    def test_resize_changes_the_total(self):
        self.create_claim("data", "10Gi")
        w = harness.Watcher(self, ["-n", self.ns])
        w.wait_for("--- PVC Watch")
        self.bind("data", "10Gi")  # only bound claims may grow
        self.kubectl("patch", "pvc", "data", "-n", self.ns, "--type=merge",
                     "-p", '{"spec":{"resources":{"requests":{"storage":"30Gi"}}}}')
        w.wait_for("PVC data resized from 10Gi to 30Gi")
        self.assert_total(w, 30)
        # kube-controller-manager's pvc-protection controller lets the unused claim go.
        self.kubectl("delete", "pvc", "data", "-n", self.ns)
        w.wait_for("PVC data removed, size 30Gi")
        self.assert_total(w, 0)

    def test_label_selector_leave_and_return(self):
        self.create_claim("a", "5Gi", labels="{app: db}")
        self.create_claim("b", "7Gi", labels="{app: db}")
        w = harness.Watcher(self, ["-n", self.ns, "-l", "app=db"])
        w.wait_for("--- PVC Watch")
        self.kubectl("label", "pvc", "a", "-n", self.ns, "app=web", "--overwrite")
        w.wait_for("PVC a removed, size 5Gi")
        self.assert_total(w, 7, selector="app=db")
        self.kubectl("label", "pvc", "a", "-n", self.ns, "app=db", "--overwrite")
        w.wait_for("PVC a added, claim size 5Gi")
        self.assert_total(w, 12, selector="app=db")

    def test_json_lines(self):
        w = harness.Watcher(self, ["-n", self.ns, "-o", "json", "--max-claims", "10Gi"])
        first = json.loads(w.wait_for('"type":"LIST"'))
        self.assertEqual(first["total"], "0")
        self.create_claim("big", "11Gi")
        added = json.loads(w.wait_for('"type":"ADDED"'))
        self.assertEqual(added["object"]["metadata"]["name"], "big")
        self.assertEqual((added["total"], added["maxClaims"], added["percent"]), ("11Gi", "10Gi", 110))
        over = json.loads(w.wait_for('"type":"OVERAGE"'))
        self.assertEqual(over["total"], "11Gi")
        self.assertEqual(w.interrupt(signal.SIGTERM), 0)
        for line in w.lines:
            json.loads(line)  # every line is one JSON object

    def test_server_timeouts_resume_without_replay(self):
        env = dict(self.env, PVCWATCH_WATCH_TIMEOUT_SECONDS="2")
        self.create_claim("a", "1Gi")
        w = harness.Watcher(self, ["-n", self.ns, "-v", "4"], env=env)
        w.wait_for("--- PVC Watch")
        # At least two server-side watch ends, each followed by a new watch request.
        watches = lambda: sum("watch: watching from resourceVersion" in l for l in w.err_lines)
        deadline = time.monotonic() + 30
        while watches() < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertGreaterEqual(watches(), 3, w.err_lines)
        self.create_claim("b", "2Gi")
        w.wait_for("PVC b added, claim size 2Gi")
        self.assert_total(w, 3)
        self.assertEqual(w.interrupt(), 0)
        text = "\n".join(w.lines)
        self.assertNotIn("PVC a added", text)  # the existing claim is never replayed
        self.assertEqual(text.count("PVC b added"), 1)

    def test_apiserver_killed_and_restarted(self):
        self.create_claim("a", "1Gi")
        w = harness.Watcher(self, ["-n", self.ns, "-v", "2"])
        w.wait_for("--- PVC Watch")
        self.create_claim("b", "2Gi")
        w.wait_for("PVC b added")
        restart = self.run_cmd([os.path.join(harness.SOURCE_DIR, "scripts", "cluster"),
                                "restart-apiserver"], timeout=180)
        self.assertEqual(restart.code, 0, restart)
        self.create_claim("c", "4Gi")
        w.wait_for("PVC c added, claim size 4Gi", timeout=90)
        self.kubectl("delete", "pvc", "b", "-n", self.ns)
        w.wait_for("PVC b removed, size 2Gi")
        self.assert_total(w, 5)
        self.assertEqual(w.interrupt(), 0)
        text = "\n".join(w.lines)
        for name in ("b", "c"):
            self.assertEqual(text.count(f"PVC {name} added"), 1, text)
        self.assertNotIn("PVC a added", text)
        self.assertTrue(any("retrying after" in l for l in w.err_lines), w.err_lines)

    def etcd(self, path, body):
        import urllib.request
        with open(self.cluster_file("etcd.port")) as f:
            port = f.read().strip()
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                         data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def test_compacted_version_gets_410_and_relists(self):
        self.create_claim("a", "3Gi")
        w = harness.Watcher(self, ["-n", self.ns, "-v", "2"])
        w.wait_for("--- PVC Watch")
        self.create_claim("b", "4Gi")
        w.wait_for("PVC b added")
        # Move etcd past the watch's resourceVersion and compact it away, then cut the
        # watch: the resumed watch can only get 410 Gone, and the plugin must relist.
        for i in range(3):
            self.kubectl("create", "configmap", f"bump-{i}", "-n", self.ns)
        revision = int(self.etcd("/v3/kv/range", {"key": "AA=="})["header"]["revision"])
        self.etcd("/v3/kv/compaction", {"revision": revision, "physical": True})
        restart = self.run_cmd([os.path.join(harness.SOURCE_DIR, "scripts", "cluster"),
                                "restart-apiserver"], timeout=180)
        self.assertEqual(restart.code, 0, restart)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "watch: listing" not in " ".join(w.err_lines):
            time.sleep(0.2)
        self.assertTrue(any(l.endswith("watch: listing") for l in w.err_lines), w.err_lines)
        self.create_claim("c", "5Gi")
        w.wait_for("PVC c added, claim size 5Gi", timeout=60)
        self.assert_total(w, 12)
        self.assertEqual(w.interrupt(), 0)
        text = "\n".join(w.lines)
        self.assertNotIn("PVC a added", text)  # the relist announces only differences
        self.assertEqual(text.count("PVC b added"), 1)

    def test_rbac_revoked_mid_watch_is_fatal(self):
        env = dict(self.env, KUBECONFIG=self.cluster_file("restricted.kubeconfig"),
                   PVCWATCH_WATCH_TIMEOUT_SECONDS="2")
        binding = f"reader-{self.ns}"
        self.kubectl("create", "rolebinding", binding, "-n", self.ns, "--role=pvc-reader-e2e",
                     "--group=pvcwatch:readers")
        self.kubectl("create", "role", "pvc-reader-e2e", "-n", self.ns,
                     "--verb=get,list,watch", "--resource=persistentvolumeclaims")
        w = harness.Watcher(self, ["-n", self.ns], env=env)
        w.wait_for("--- PVC Watch")
        self.kubectl("delete", "rolebinding", binding, "-n", self.ns)
        code = w.proc.wait(timeout=60)
        w.drain(0.5)
        self.assertEqual(code, 1)
        self.assertEqual(w.err_lines[-1],
                         f'Error from server (Forbidden): persistentvolumeclaims is forbidden: '
                         f'User "alice" cannot watch resource "persistentvolumeclaims" in API '
                         f'group "" in the namespace "{self.ns}"')

    def test_quota_threshold_followed_live(self):
        # Claims first: the quota is then set below what they already take.
        self.create_claim("a", "60Gi")
        self.create_claim("b", "50Gi")
        self.kubectl("create", "quota", "storage", "-n", self.ns, "--hard=requests.storage=100Gi")
        once = self.pvcwatch("--once", "-n", self.ns, "--max-claims", "quota")
        self.assertEqual(once.code, 3, once)
        self.assertIn("Total claimed (quota basis): 110Gi (2 claims)", once.out)
        self.assertRegex(once.out, rf"{self.ns} +<all> +requests.storage +110Gi +100Gi +110.0% "
                                   rf"+0 \(over\) +ResourceQuota/storage")
        w = harness.Watcher(self, ["-n", self.ns, "--max-claims", "quota"])
        w.wait_for("--- PVC Watch (ResourceQuota budgets) ----")
        w.wait_for(f"Claim overage reached in {self.ns}: max 100Gi at 110Gi "
                   f"(ResourceQuota/storage, requests.storage)")
        self.kubectl("patch", "quota", "storage", "-n", self.ns, "--type=merge",
                     "-p", '{"spec":{"hard":{"requests.storage":"200Gi"}}}')
        w.wait_for(f"Max claims in {self.ns} now 200Gi (ResourceQuota/storage, requests.storage)")
        w.wait_for(f"Claim usage normal in {self.ns}: max 200Gi at 110Gi "
                   f"(ResourceQuota/storage, requests.storage)")

    def test_quota_without_storage_limit_is_an_error(self):
        self.kubectl("create", "quota", "pods-only", "-n", self.ns, "--hard=pods=10")
        r = self.pvcwatch("--once", "-n", self.ns, "--max-claims", "quota")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, f'error: --max-claims quota: no ResourceQuota in namespace '
                                f'"{self.ns}" limits claims\n')

    def test_sigterm_ends_promptly(self):
        w = harness.Watcher(self, ["-n", self.ns])
        w.wait_for("--- PVC Watch")
        start = time.monotonic()
        self.assertEqual(w.interrupt(signal.SIGTERM), 0)
        self.assertLess(time.monotonic() - start, 2)


if __name__ == "__main__":
    harness.main()
