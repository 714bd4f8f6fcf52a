"""--record-events against the real control plane with kube-controller-manager: each
crossing of a quota's budget becomes a core/v1 Event on the ResourceQuota, visible to
`kubectl get events`; the same crossing again is counted on the same Event (client-go's
correlation), not created anew; a fixed limit's events are on the Namespace."""

import json
import time

import harness
import scrape
import test_budgets


class EventsTest(harness.ClusterTest):
    # The quota helpers of test_budgets (imported as a module: its tests are not run here).
    quota = test_budgets.BudgetsTest.quota
    set_quota = test_budgets.BudgetsTest.set_quota
    wait_enforced = test_budgets.BudgetsTest.wait_enforced

    def events(self, ns, reason, count=1, timeout=20):
        """The pvcwatch Events with `reason` in `ns`, once one has reached `count`."""
        deadline = time.monotonic() + timeout
        while True:
            items = json.loads(self.kubectl("get", "events", "-n", ns, "-o", "json").out)["items"]
            found = [e for e in items if e.get("reason") == reason
                     and e.get("source", {}).get("component") == "pvcwatch"]
            if any(e.get("count", 0) >= count for e in found):
                return found
            if time.monotonic() > deadline:
                self.fail(f"no {reason} event with count {count} in {ns}: {items}")
            time.sleep(0.2)

    def test_quota_crossings_are_events_on_the_quota_counted_when_repeated(self):
        self.quota(self.ns, "budget", {"requests.storage": "10Gi"})
        uid = json.loads(self.kubectl("get", "quota", "budget", "-n", self.ns, "-o",
                                      "json").out)["metadata"]["uid"]
        self.create_claim("a", "6Gi")
        w = harness.Watcher(self, ["-n", self.ns, "--max-claims", "quota", "--record-events"])
        w.wait_for("--- PVC Watch")
        self.set_quota(self.ns, "budget", {"requests.storage": "5Gi"})
        w.wait_for("Claim overage reached")
        [overage] = self.events(self.ns, "ClaimOverage")
        self.assertEqual(overage["involvedObject"],
                         {"kind": "ResourceQuota", "namespace": self.ns, "name": "budget",
                          "uid": uid, "apiVersion": "v1"})
        self.assertEqual(overage["type"], "Warning")
        self.assertEqual(overage["reportingComponent"], "pvcwatch")
        self.assertEqual(overage["count"], 1)
        self.assertTrue(overage["metadata"]["name"].startswith("budget."))
        self.assertIn("requests.storage", overage["message"])

        self.set_quota(self.ns, "budget", {"requests.storage": "10Gi"})
        w.wait_for("Claim usage normal")
        [normal] = self.events(self.ns, "ClaimNormal")
        self.assertEqual(normal["type"], "Normal")

        # The same crossing again: the same Event, its count and lastTimestamp patched.
        self.set_quota(self.ns, "budget", {"requests.storage": "5Gi"})
        w.wait_for("Claim overage reached")
        [again] = self.events(self.ns, "ClaimOverage", count=2)
        self.assertEqual(again["metadata"]["name"], overage["metadata"]["name"])
        self.assertEqual(again["firstTimestamp"], overage["firstTimestamp"])
        self.assertEqual(again["message"], overage["message"])
        table = self.kubectl("get", "events", "-n", self.ns).out
        self.assertRegex(table, r"Warning\s+ClaimOverage\s+resourcequota/budget")

    def test_a_fixed_limit_is_recorded_on_the_namespace(self):
        scrape.require_parser()
        w = harness.Watcher(self, ["-n", self.ns, "--max-claims", "1Gi", "--record-events",
                                   *scrape.METRICS_ARGS])
        w.wait_for("--- PVC Watch")
        self.create_claim("a", "2Gi")
        w.wait_for("Claim overage reached")
        # client-go puts the events of an object without a namespace in "default".
        found = [e for e in self.events("default", "ClaimOverage", timeout=20)
                 if e["involvedObject"]["name"] == self.ns]
        self.assertEqual(len(found), 1, found)
        self.assertEqual(found[0]["involvedObject"]["kind"], "Namespace")
        self.assertEqual(found[0]["message"], "Claim overage reached: max 1Gi at 2Gi")
        parsed = scrape.samples(scrape.metrics_port(self, w))
        self.assertEqual(scrape.value(parsed, "pvcwatch_events_recorded_total"), 1)
        self.assertEqual(scrape.value(parsed, "pvcwatch_events_failed_total"), 0)

    def test_flags(self):
        r = self.pvcwatch("-A", "--record-events")
        self.assertEqual(r.code, 1)
        self.assertIn("error: --record-events: a fixed --max-claims over all namespaces has no "
                      "object to record its events on", r.err)
        r = self.pvcwatch("-n", self.ns, "--once", "--record-events")
        self.assertIn("error: --record-events acts on crossings while watching", r.err)


if __name__ == "__main__":
    harness.main()
