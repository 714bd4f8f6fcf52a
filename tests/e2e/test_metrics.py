"""--metrics-addr against the real control plane: the exposition is read by
prometheus_client's own parsers (text format and OpenMetrics), and its figures equal the
plugin's totals and the quotas' status.used through creates, resizes, deletions and a
kube-apiserver restart; /healthz and /readyz answer for probes."""

import json
import os
import time

import harness
import scrape
from harness import gi
from scrape import openmetrics_parser, text_parser

GI = 1 << 30


class MetricsTest(harness.ClusterTest):
    def setUp(self):
        super().setUp()
        scrape.require_parser()

    def start(self, *args):
        w = harness.Watcher(self, [*scrape.METRICS_ARGS, *args])
        w.wait_for("--- PVC Watch")
        self.port = scrape.metrics_port(self, w)
        return w

    def get(self, path, accept=None):
        return scrape.get(self.port, path, accept)

    def parse(self, parser, accept=None):
        """name -> {labels tuple: value}, as one of prometheus_client's parsers reads it."""
        status, content_type, text = self.get("/metrics", accept)
        self.assertEqual(status, 200)
        if accept:
            self.assertTrue(content_type.startswith("application/openmetrics-text"),
                            content_type)
        else:
            self.assertEqual(content_type, "text/plain; version=0.0.4; charset=utf-8")
        return scrape.parse(parser, text)

    def samples(self):
        return self.parse(text_parser)

    def assert_openmetrics_agrees(self, samples):
        """Once the figures have settled (nothing changes between the two scrapes), the
        OpenMetrics answer parses to the same samples as the text format's."""
        om = self.parse(openmetrics_parser, "application/openmetrics-text; version=1.0.0")
        for name in ("pvcwatch_claimed_bytes", "pvcwatch_namespace_claimed_bytes",
                     "pvcwatch_budget_used", "pvcwatch_crossings_total"):
            self.assertEqual(om.get(name), samples.get(name), name)

    def quota_used(self, ns):
        quota = json.loads(self.kubectl("get", "quota", "budget", "-n", ns, "-o", "json").out)
        return quota.get("status", {}).get("used", {})

    def assert_equal_soon(self, ns, expect_gi, step):
        """The namespace's bytes equal what kubectl lists (quota basis) and the quota's
        status.used, and the budget's used equals it too, once both have caught up."""
        deadline = time.monotonic() + 60  # kcm reconnects slowly after a restart
        while True:
            s = self.samples()
            ours = scrape.value(s, "pvcwatch_namespace_claimed_bytes", namespace=ns, basis="quota")
            budget = scrape.value(s, "pvcwatch_budget_used", namespace=ns, resourcequota="budget",
                                resource="requests.storage")
            used = self.quota_used(ns).get("requests.storage")
            if ours == expect_gi * GI and budget == ours and used and gi(used) == expect_gi:
                self.assert_openmetrics_agrees(s)
                return s
            if time.monotonic() > deadline:
                self.fail(f"{step}: metrics {ours}, budget {budget}, status.used {used}, "
                          f"expected {expect_gi}Gi")
            time.sleep(0.2)

    def test_figures_follow_the_claims_through_a_restart(self):
        ns = self.ns
        self.kubectl("create", "quota", "budget", "-n", ns, "--hard=requests.storage=100Gi")
        self.create_claim("a", "30Gi", storage_class="gold")
        # One namespace: the shared test bed's other namespaces have crossings of their own.
        w = self.start("-n", ns, "--max-claims", "quota,1Pi")
        self.assertEqual(self.get("/healthz")[0], 200)
        self.assertEqual(self.get("/readyz")[0], 200)
        self.assertEqual(self.get("/nope")[0], 404)
        s = self.assert_equal_soon(ns, 30, "start")
        self.assertEqual(scrape.value(s, "pvcwatch_budget_limit", namespace=ns,
                                    resourcequota="budget", resource="requests.storage"),
                         100 * GI)
        self.assertEqual(scrape.value(s, "pvcwatch_max_claims_bytes"), float(1 << 50))
        self.assertEqual(scrape.value(s, "pvcwatch_synced"), 1)
        self.assertEqual(scrape.value(s, "pvcwatch_lists_total"), 1)
        self.create_claim("b", "50Gi", storage_class="gold")
        self.assert_equal_soon(ns, 80, "after a create")
        # A resize under way: allocatedResources (through /status) is what the quota charges.
        self.kubectl("patch", "pvc", "a", "-n", ns, "--subresource=status", "--type=merge", "-p",
                     '{"status":{"phase":"Bound","allocatedResources":{"storage":"60Gi"}}}')
        s = self.assert_equal_soon(ns, 110, "after an allocation")
        self.assertEqual(scrape.value(s, "pvcwatch_budget_over", namespace=ns,
                                    resourcequota="budget", resource="requests.storage"), 1)
        self.assertEqual(scrape.value(s, "pvcwatch_crossings_total", type="overage"), 1)
        restart = self.run_cmd([os.path.join(harness.SOURCE_DIR, "scripts", "cluster"),
                                "restart-apiserver"], timeout=180)
        self.assertEqual(restart.code, 0, restart)
        self.kubectl("delete", "pvc", "b", "-n", ns)
        s = self.assert_equal_soon(ns, 60, "after a restart and a deletion")
        self.assertEqual(scrape.value(s, "pvcwatch_crossings_total", type="normal"), 1)
        self.assertGreaterEqual(scrape.value(s, "pvcwatch_watch_retries_total"), 1)
        all_claims = json.loads(self.kubectl("get", "pvc", "-n", ns, "-o", "json").out)["items"]
        self.assertEqual(scrape.value(s, "pvcwatch_claims"), len(all_claims))
        # Every gold claim, charged as the quota charges it.
        def charge(claim):
            allocated = claim.get("status", {}).get("allocatedResources", {}).get("storage")
            return max(gi(claim["spec"]["resources"]["requests"]["storage"]),
                       gi(allocated) if allocated else 0)
        gold = sum(charge(c) for c in all_claims if c["spec"].get("storageClassName") == "gold")
        self.assertEqual(scrape.value(s, "pvcwatch_storageclass_claimed_bytes",
                                    storageclass="gold", basis="quota"), gold * GI)
        self.assertEqual(w.interrupt(), 0)

    def test_promtools_rules_find_nothing(self):
        """Every family (budgets, webhooks, cooldown, Events) through the rules of
        `promtool check metrics`, and Prometheus' own text parser."""
        lint = scrape.promlint()
        # The claim first: a quota already enforced would refuse it.
        self.create_claim("a", "2Gi", storage_class="gold")
        self.kubectl("create", "quota", "budget", "-n", self.ns, "--hard=requests.storage=1Gi")
        self.start("-n", self.ns, "--max-claims", "quota", "--record-events", "--cooldown",
                   "1m", "--webhook", "https://127.0.0.1:1/hook")
        status, _, text = self.get("/metrics")
        self.assertEqual(status, 200)
        for family in ("pvcwatch_budget_used", "pvcwatch_webhook_sent_total",
                       "pvcwatch_events_recorded_total", "pvcwatch_cooldown_suppressed_total"):
            self.assertIn(f"\n{family}", text)
        r = self.run_cmd([lint], stdin=text)
        self.assertEqual((r.code, r.out, r.err), (0, "", ""))
        # The check can fail: a counter without _total is one of its problems.
        r = self.run_cmd([lint], stdin="# HELP x_bytes X.\n# TYPE x_bytes counter\nx_bytes 1\n")
        self.assertEqual(r.code, 3, r)
        self.assertIn('counter metrics should have "_total" suffix', r.out)

    def test_a_taken_address_is_one_clear_error(self):
        import socket
        held = socket.socket()
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        try:
            r = self.pvcwatch("-n", self.ns, "--metrics-addr", f"127.0.0.1:{port}", timeout=30)
        finally:
            held.close()
        self.assertEqual(r.code, 1, r)
        self.assertRegex(r.err, rf"^error: --metrics-addr 127.0.0.1:{port}: .*\n\Z")


if __name__ == "__main__":
    harness.main()
