"""Faults between the plugin and the real kube-apiserver, injected by tests/e2e/fault_proxy.py:
for each, the plugin recovers and its total equals the ground truth afterwards, or it stops
with one clear line and exit 1 where recovery is impossible.

The rule for broken server answers, checked here end to end:
- a body that cannot be decoded (not JSON, an HTML page with status 200, a watch frame
  without type or object, an unknown event type, a line over the 16 MiB cap, a list body
  over the 64 MiB cap) is a broken connection: the first list ends the command with
  "Unable to connect to the server: ..." (exit 1); the watch backs off and resumes from the
  last good resourceVersion, so nothing is lost or counted twice;
- an error status is the server's answer: on the watch, 5xx, 429 (after Retry-After) and
  410 (relist) are retried; a list answered 429/5xx with Retry-After is retried after
  that wait, up to 10 times, as client-go does; otherwise the first list ends the command
  with kubectl's text; an expired continue token restarts the list, at most 5 times;
- an object that decodes but cannot be counted (not a claim, a storage request that is
  not a quantity) is reported ("Warning: skipping ...") and left out of the total; the
  list or the watch goes on.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time

import fault_proxy as fp
import harness

AT = harness.AT
gi = harness.gi

QUANTITY_ERROR = ("quantities must match the regular expression "
                  "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
CONTINUE_EXPIRED = ("The provided continue parameter is too old to display a consistent list "
                    "result. You can start a new list without the continue parameter.")

# Recovery figures (seconds), printed at the end for the record.
FIGURES = []


class FaultTest(harness.ClusterTest):

    @classmethod
    def setUpClass(cls):
        cls.work = os.path.join(harness.CLUSTER_DIR, f"faults-{os.getpid()}")
        cls.ca = os.path.join(harness.CLUSTER_DIR, "pki", "ca.crt")
        cls.cert, cls.key = fp.make_serving_cert(os.path.join(harness.CLUSTER_DIR, "pki"),
                                                 cls.work)
        with open(os.path.join(harness.CLUSTER_DIR, "apiserver.port")) as f:
            cls.upstream = "127.0.0.1:" + f.read().strip()
        with open(os.path.join(harness.CLUSTER_DIR, "token")) as f:
            cls.token = f.read().strip()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)
        if FIGURES:
            print("\nfigures:", file=sys.stderr)
            for name, value, *why in FIGURES:
                print(f"  {name}: {value:.2f} {' '.join(why)}", file=sys.stderr)

    def setUp(self):
        super().setUp()
        self.proxy = fp.FaultProxy(self.upstream, self.ca, self.cert, self.key)
        self.addCleanup(self.proxy.close)
        self.kubeconfig = fp.token_kubeconfig(os.path.join(self.work, f"{self.ns}.kubeconfig"),
                                              self.proxy.url, self.ca, self.token, self.ns)

    # ---- helpers

    def through_proxy(self, *args, timeout=60):
        return self.pvcwatch("--kubeconfig", self.kubeconfig, *args, timeout=timeout)

    def watch(self, *args, timeout_seconds=None):
        env = dict(self.env)
        if timeout_seconds:
            env["PVCWATCH_WATCH_TIMEOUT_SECONDS"] = str(timeout_seconds)
        w = harness.Watcher(self, ["--kubeconfig", self.kubeconfig, "-v", "2", *args], env=env)
        w.wait_for("--- PVC Watch")
        return w

    def wait_requests(self, match, count=1, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [r for r in list(self.proxy.requests) if match(r)]
            if len(found) >= count:
                return found
            time.sleep(0.02)
        self.fail(f"fewer than {count} matching requests: {self.proxy.requests}")

    def assert_converged(self, w, expected_gi, names):
        """After the fault: one more claim goes through the (now healthy) watch; the
        plugin's running total then equals kubectl's sum and the plugin's own --once
        straight to the apiserver; every claim was announced once."""
        self.create_claim("sentinel", "16Gi")
        w.wait_for("PVC sentinel added, claim size 16Gi")
        expected_gi += 16
        self.assertEqual(self.ground_truth_gi(), expected_gi)
        # The sentinel's 16Gi make this total new: no earlier line can match it.
        w.wait_for(lambda l: AT.search(l) is not None
                   and gi(AT.search(l).group(1)) == expected_gi, timeout=10)
        once = self.pvcwatch("--once", "-n", self.ns, "-o", "json")
        self.assertEqual(gi(json.loads(once.out)["total"]), expected_gi)
        text = "\n".join(w.lines)
        for name in names + ["sentinel"]:
            self.assertEqual(text.count(f"PVC {name} added"), 1, text)
        self.assertEqual(w.interrupt(), 0)

    def retries(self, w):
        return [l for l in w.err_lines if "watch: retrying after: " in l]

    def watch_fault(self, fault, retry=None, timeout=30, timeout_seconds=None):
        """`fault` on the first watch; a claim created while it is in force must still
        be counted once. Returns the watcher and the seconds from the claim's creation
        to its announcement."""
        self.create_claim("before", "1Gi")
        self.proxy.add(fault, match=fp.watches)
        w = self.watch(timeout_seconds=timeout_seconds)
        self.wait_requests(fp.watches)
        start = time.monotonic()
        self.create_claim("during", "2Gi")
        w.wait_for("PVC during added, claim size 2Gi", timeout=timeout)
        seconds = time.monotonic() - start
        FIGURES.append((fault.name, seconds, (self.retries(w) or [""])[0]))
        if retry is not None:
            self.assertTrue(any(retry in l for l in self.retries(w)), w.err_lines)
        self.assert_converged(w, 3, ["during"])
        self.assertNotIn("PVC before added", "\n".join(w.lines))
        return w, seconds

    # ---- the watch stream breaks

    def test_cut_mid_event(self):
        w, seconds = self.watch_fault(fp.CutAfter(40), retry="malformed watch event: ")
        self.assertEqual(len(self.retries(w)), 1, w.err_lines)
        self.assertLess(seconds, 5)

    def test_reset_mid_event(self):
        w, seconds = self.watch_fault(fp.CutAfter(40, reset=True),
                                      retry="Connection reset by peer")
        self.assertEqual(len(self.retries(w)), 1, w.err_lines)
        self.assertLess(seconds, 5)

    def test_truncated_chunk(self):
        w, seconds = self.watch_fault(fp.TruncatedChunk(0), retry="malformed watch event: ")
        self.assertEqual(len(self.retries(w)), 1, w.err_lines)
        self.assertLess(seconds, 5)

    def test_chunk_header_not_hex(self):
        # Poco 1.11 takes a chunk-size line it cannot read for the end of the body: the
        # watch ends "cleanly" and resumes from the last resourceVersion at once.
        w, seconds = self.watch_fault(fp.BadChunkHeader(b"zz"))
        self.assertLess(seconds, 5)

    def test_chunk_header_huge(self):
        # A chunk announced as 2^63 bytes that ends after one event: the event counts.
        w, seconds = self.watch_fault(fp.BadChunkHeader(b"7fffffffffffffff"))
        self.assertLess(seconds, 5)

    def test_bytes_one_at_a_time(self):
        # The list (head, chunk framing, JSON) and the watch, each byte its own TLS record.
        self.proxy.add(fp.OneByteAtATime(delay=0), match=fp.lists)
        w, _ = self.watch_fault(fp.OneByteAtATime())
        self.assertEqual(self.retries(w), [])
        self.assertEqual(self.proxy.requests[0].fault.name, "one byte at a time")

    def test_garbage_line(self):
        self.watch_fault(fp.Inject(b"\x00\xff<html>garbage}\n"),
                         retry="malformed watch event: invalid JSON: ")

    def test_frame_without_object(self):
        self.watch_fault(fp.Inject(b'{"type":"ADDED"}\n'),
                         retry="malformed watch event: no type or object")

    def test_unknown_event_type(self):
        self.watch_fault(fp.Inject(b'{"type":"EXPLODED","object":{}}\n'),
                         retry='unknown watch event type "EXPLODED"')

    def test_over_long_line(self):
        cap = 16 << 20
        line = lambda: b'{"type":"ADDED","object":{"pad":"' + b"x" * cap + b'"}}\n'
        self.watch_fault(fp.Inject(line, name="line over the cap"),
                         retry=f"watch event longer than {cap} bytes")

    def test_deeply_nested_line(self):
        deep = b'{"type":"ADDED","object":' + b"[" * 200000 + b"]" * 200000 + b"}\n"
        self.watch_fault(fp.Inject(deep, name="200000 nested arrays"),
                         retry="malformed watch event")

    def test_stall_detected_by_read_timeout(self):
        # A peer that stops sending but keeps the connection open is given up after the
        # read timeout: by default the server's watch timeout + 30 s; --request-timeout
        # lowers it (server-side watch timeouts of 1 s keep a healthy watch talking).
        self.create_claim("before", "1Gi")
        self.proxy.add(fp.StallAfter(40), match=fp.watches)
        w = self.watch("--request-timeout", "3s", timeout_seconds=1)
        self.wait_requests(fp.watches)
        self.create_claim("during", "2Gi")
        w.wait_for("PVC during added, claim size 2Gi", timeout=30)
        gave_up = self.proxy.first("client gave up") - self.proxy.first("stall")
        FIGURES.append(("stall, read timeout 3 s: given up after", gave_up))
        self.assertTrue(any("timeout" in l for l in self.retries(w)), w.err_lines)
        self.assertGreater(gave_up, 2.5)
        self.assertLess(gave_up, 4.5)
        self.assert_converged(w, 3, ["during"])

    # ---- objects that decode but cannot be counted

    def assert_warned(self, w, text):
        self.assertTrue(any(l.endswith(" " + text) for l in w.err_lines), w.err_lines)

    def test_watch_object_that_is_not_a_claim(self):
        pod = {"type": "ADDED", "object": {"apiVersion": "v1", "kind": "Pod", "metadata": {
            "name": "intruder", "namespace": "x", "uid": "u-1", "resourceVersion": "1"}}}
        w, _ = self.watch_fault(fp.Inject(json.dumps(pod).encode() + b"\n"))
        self.assert_warned(w, "Warning: skipping object intruder is a Pod, not a "
                              "PersistentVolumeClaim")
        self.assertEqual(self.retries(w), [])

    def test_watch_claim_with_malformed_request(self):
        bad = {"type": "ADDED", "object": {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
               "metadata": {"name": "bogus", "namespace": self.ns, "uid": "u-2",
                            "resourceVersion": "1"},
               "spec": {"resources": {"requests": {"storage": "lots"}}}}}
        w, _ = self.watch_fault(fp.Inject(json.dumps(bad).encode() + b"\n"))
        self.assert_warned(w, f'Warning: skipping PersistentVolumeClaim {self.ns}/bogus: '
                              f'spec.resources.requests.storage "lots": {QUANTITY_ERROR}')

    # ---- the server answers with an error

    def test_watch_500(self):
        self.watch_fault(fp.StatusAnswer(500, "InternalError", "etcdserver: leader changed"),
                         retry="etcdserver: leader changed")

    def test_watch_503_with_retry_after(self):
        self.watch_fault(fp.StatusAnswer(503, "ServiceUnavailable", "the server is shutting down",
                                         retry_after=1),
                         retry="the server is shutting down")

    def test_watch_html_error_page(self):
        self.watch_fault(fp.HtmlPage(), retry="an error on the server")

    def test_watch_429_waits_retry_after(self):
        self.create_claim("before", "1Gi")
        self.proxy.add(fp.StatusAnswer(429, "TooManyRequests", "Too many requests, please try "
                                       "again later.", retry_after=3), match=fp.watches)
        w = self.watch()
        first, second = self.wait_requests(fp.watches, 2)[:2]
        FIGURES.append(("429 Retry-After: 3, next watch after", second.time - first.time))
        self.assertGreaterEqual(second.time - first.time, 3)
        self.assertLess(second.time - first.time, 5)
        self.create_claim("during", "2Gi")
        w.wait_for("PVC during added")
        self.assert_converged(w, 3, ["during"])

    def test_watch_410_relists_through_a_failing_list(self):
        # The watch answers 410 Gone: relist; the relist's first try gets a 503, the
        # second succeeds; a claim made meanwhile is counted once.
        self.create_claim("before", "1Gi")
        self.proxy.add(fp.StatusAnswer(410, "Expired", "too old resource version: 1 (2)"),
                       match=fp.watches)
        self.proxy.add(fp.StatusAnswer(503, "ServiceUnavailable", "try later"), match=fp.lists,
                       after=1)
        w = self.watch("--chunk-size=500")
        self.wait_requests(fp.lists, 3)
        self.create_claim("during", "2Gi")
        w.wait_for("PVC during added, claim size 2Gi")
        self.assertIn("watch: listing", "\n".join(w.err_lines))
        self.assertTrue(any("try later" in l for l in self.retries(w)), w.err_lines)
        self.assert_converged(w, 3, ["during"])

    def count_watches_while_broken(self, fault, seconds=3):
        """`fault` on every watch for `seconds`: how many watch requests came."""
        self.proxy.add(fault, match=fp.watches, times=None)
        self.watch()
        time.sleep(seconds)
        self.proxy.clear()
        return len([r for r in list(self.proxy.requests) if fp.watches(r)])

    def test_watch_closed_at_once_backs_off(self):
        # client-go: a watch that lasted under a second with no event is an error.
        self.assertLessEqual(self.count_watches_while_broken(fp.Answer(200, "OK", "")), 6)

    def test_watch_410_every_time_backs_off(self):
        # client-go's reflector backs off between every list-and-watch.
        count = self.count_watches_while_broken(
            fp.StatusAnswer(410, "Expired", "too old resource version: 1 (2)"))
        self.assertLessEqual(count, 6)

    # ---- the list

    def five_claims_in_pages_of_two(self, expire_continue=1):
        for i in range(5):
            self.create_claim(f"c{i}", f"{i + 1}Gi")  # 15Gi
        self.proxy.add(fp.StatusAnswer(410, "Expired", CONTINUE_EXPIRED), match=fp.continues,
                       times=expire_continue)
        self.proxy.add(fp.SmallPages(2), match=fp.lists, times=None)

    def test_chunk_size_is_each_lists_limit_as_kubectls(self):
        """--chunk-size is the limit of each list request, kubectl's requests beside ours;
        0 asks for everything at once, and so does --sort-by (kubectl sorts a whole list)."""
        for i in range(5):
            self.create_claim(f"c{i}", f"{i + 1}Gi")
        for args in (["--chunk-size", "2"], [], ["--chunk-size=0"], ["--sort-by=.metadata.name"],
                     ["--chunk-size=3", "-o", "name"]):
            with self.subTest(args=args):
                limits = []
                for run in (lambda: self.through_proxy("--once", *args),
                            lambda: self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc",
                                                 *args)):
                    before = len(self.proxy.requests)
                    r = run()
                    self.assertEqual(r.code, 0, r)
                    listed = [q for q in list(self.proxy.requests)[before:] if fp.lists(q)]
                    limits.append([q.query.get("limit") for q in listed])
                if not args:
                    # Unless told a size: a one-claim Table (the server's columns), then
                    # the whole list at once, as Kubernetes protobuf.
                    self.assertEqual(limits, [["1", None], ["500"]])
                    continue
                self.assertEqual(limits[0], limits[1])
                self.assertGreaterEqual(len(limits[0]), 1)
        self.assertEqual(limits[0], ["3", "3"])

    def test_expired_continue_restarts_the_list(self):
        self.five_claims_in_pages_of_two()
        r = self.through_proxy("--once", "-o", "json")
        self.assertEqual(r.code, 0, r)
        doc = json.loads(r.out)
        self.assertEqual(doc["total"], "15Gi")
        self.assertEqual([i["metadata"]["name"] for i in doc["items"]],
                         [f"c{i}" for i in range(5)])
        continued = [q for q in self.proxy.requests if fp.continues(q)]
        self.assertEqual(len(continued), 3)  # the expired one, then pages 2 and 3 again

    def test_expired_continue_table_has_each_claim_once(self):
        self.five_claims_in_pages_of_two()
        r = self.through_proxy("--once")
        self.assertIn("Total claimed: 15Gi of max 200Gi (7.5%, 5 claims)", r.out)
        rows = r.out.split("\n\n")[0].splitlines()[1:]
        self.assertEqual([row.split()[0] for row in rows], [f"c{i}" for i in range(5)])

    def test_continue_expiring_forever_is_fatal(self):
        self.five_claims_in_pages_of_two(expire_continue=None)
        ours = self.through_proxy("--once", "--chunk-size=500")
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err, f"Error from server (Expired): {CONTINUE_EXPIRED}\n")
        # The first try and 5 restarts, each stopped at its first continue.
        self.assertEqual(len([q for q in self.proxy.requests if fp.continues(q)]), 6)
        theirs = self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc", "--chunk-size=2",
                              check=False)
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])

    def test_list_html_error_page_like_kubectl(self):
        self.proxy.add(fp.HtmlPage(), match=fp.lists, times=None)
        ours = self.through_proxy("--once")
        theirs = self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc", check=False)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])
        self.assertEqual(len(ours.err.splitlines()), 1, ours)

    def test_list_not_json(self):
        self.proxy.add(fp.Rewrite(lambda body: b"<html>it works</html>"), match=fp.lists)
        r = self.through_proxy("--once")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, "Unable to connect to the server: malformed list response: "
                                "invalid JSON at line 1, column 1: The JSON document has an "
                                "improper structure: missing or superfluous commas, braces, "
                                "missing keys, etc.\n")

    def damaged_list(self, damage):
        """A Rewrite for the claim lists that calls `damage(items, add)` on the claims
        (Table rows or List items)."""
        def rewrite(body):
            doc = json.loads(body)
            table = doc["kind"] == "Table"
            items = [row["object"] for row in doc["rows"]] if table else doc["items"]

            def add(obj):
                if table:
                    cells = [obj["metadata"]["name"]] + [""] * (len(doc["columnDefinitions"]) - 1)
                    doc["rows"].append({"cells": cells, "object": obj})
                else:
                    doc["items"].append(obj)
            damage(items, add)
            return json.dumps(doc).encode()
        return fp.Rewrite(rewrite, name="damaged list")

    def test_list_with_broken_items_is_reported_and_skipped(self):
        self.create_claim("good", "5Gi")
        self.create_claim("malformed", "7Gi")
        self.create_claim("wrongtype", "8Gi")

        def damage(items, add):
            for item in items:
                requests = item["spec"]["resources"]["requests"]
                if item["metadata"]["name"] == "malformed":
                    requests["storage"] = "7 Gi"
                elif item["metadata"]["name"] == "wrongtype":
                    requests["storage"] = {"Gi": 8}
            add({"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "stray", "namespace": self.ns, "uid": "u-stray"}})

        for output in ([], ["-o", "json"]):
            with self.subTest(output=output):
                self.proxy.add(self.damaged_list(damage), match=fp.lists)
                r = self.through_proxy("--once", "--chunk-size=500", *output)
                self.assertEqual(r.code, 0, r)
                self.assertEqual(r.err.splitlines(), [
                    f'Warning: skipping PersistentVolumeClaim {self.ns}/malformed: '
                    f'spec.resources.requests.storage "7 Gi": {QUANTITY_ERROR}',
                    f"Warning: skipping PersistentVolumeClaim {self.ns}/wrongtype: "
                    "spec.resources.requests.storage is not a quantity",
                    "Warning: skipping object stray is a ConfigMap, not a PersistentVolumeClaim"])
                if output:
                    self.assertEqual(json.loads(r.out)["total"], "5Gi")
                else:
                    self.assertIn("Total claimed: 5Gi of max 200Gi (2.5%, 1 claim)", r.out)

    def test_list_with_a_claim_twice_counts_it_once(self):
        # A claim is its UID: the same one listed twice is counted once.
        self.create_claim("good", "5Gi")
        self.create_claim("other", "1Gi")

        def damage(items, add):
            add(json.loads(json.dumps(items[0])))

        for output in ([], ["-o", "json"]):
            with self.subTest(output=output):
                self.proxy.add(self.damaged_list(damage), match=fp.lists)
                r = self.through_proxy("--once", "--chunk-size=500", *output)
                self.assertEqual(r.code, 0, r)
                if output:
                    self.assertEqual(json.loads(r.out)["total"], "6Gi")
                else:
                    self.assertIn("Total claimed: 6Gi of max 200Gi (3.0%, 2 claims)", r.out)

    def test_list_claim_without_request_is_reported(self):
        self.create_claim("good", "5Gi")
        self.create_claim("nostorage", "6Gi")

        def damage(items, add):
            for item in items:
                if item["metadata"]["name"] == "nostorage":
                    del item["spec"]["resources"]["requests"]["storage"]

        self.proxy.add(self.damaged_list(damage), match=fp.lists)
        r = self.through_proxy("--once", "--chunk-size=500")
        self.assertTrue(r.err.startswith(f"Warning: skipping PersistentVolumeClaim "
                                         f"{self.ns}/nostorage: "), r)

    def test_list_503_with_retry_after_like_kubectl(self):
        # client-go's rest.Request sleeps the Retry-After of a 429/5xx and tries again.
        self.create_claim("a", "1Gi")
        self.proxy.add(fp.StatusAnswer(503, "ServiceUnavailable", "try later", retry_after=1),
                       match=fp.lists)
        theirs = self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc", check=False)
        self.assertEqual(theirs.code, 0, theirs)
        self.proxy.requests.clear()
        self.proxy.add(fp.StatusAnswer(503, "ServiceUnavailable", "try later", retry_after=1),
                       match=fp.lists)
        ours = self.through_proxy("--once")
        self.assertEqual(ours.code, 0, ours)
        self.assertIn("Total claimed: 1Gi", ours.out)
        first, second = self.wait_requests(fp.lists, 2)[:2]
        FIGURES.append(("list 503 Retry-After: 1, retried after", second.time - first.time))
        self.assertGreaterEqual(second.time - first.time, 1)

    def test_list_429_retried_ten_times_then_fatal_like_kubectl(self):
        self.proxy.add(fp.StatusAnswer(429, "TooManyRequests", "slow down", retry_after=0),
                       match=fp.lists, times=None)
        theirs = self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc", check=False)
        kubectl_tries = len([r for r in list(self.proxy.requests) if fp.lists(r)])
        self.proxy.requests.clear()
        ours = self.through_proxy("--once")
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err, "Error from server (TooManyRequests): slow down\n")
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])
        self.assertEqual(len([r for r in list(self.proxy.requests) if fp.lists(r)]),
                         kubectl_tries)

    def test_list_503_without_retry_after_is_fatal_like_kubectl(self):
        self.proxy.add(fp.StatusAnswer(503, "ServiceUnavailable", "try later"), match=fp.lists,
                       times=None)
        ours = self.through_proxy("--once")
        theirs = self.kubectl("--kubeconfig", self.kubeconfig, "get", "pvc", check=False)
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err, "Error from server (ServiceUnavailable): try later\n")
        self.assertEqual(ours.err.splitlines()[-1], theirs.err.splitlines()[-1])

    def test_control_characters_in_a_server_message_are_made_visible(self):
        # The API server quotes what it echoes; a webhook or a proxy in front of it need
        # not. kubectl prints the message raw; we print the same line with every control
        # character visible (README, reliability).
        message = "denied by policy\x1b]0;owned\x07\x1b[2J\x08\x08"
        self.proxy.add(fp.StatusAnswer(403, "Forbidden", message), match=fp.lists, times=2)
        ours = self.through_proxy("--once")
        theirs = self.run_cmd(["kubectl", "get", "pvc", "--kubeconfig", self.kubeconfig],
                              stdin="")
        line = theirs.err.splitlines()[-1]
        self.assertEqual(line, "Error from server (Forbidden): " + message)
        visible = line.replace("\x1b", "^[").replace("\x07", "^G").replace("\x08", "^H")
        self.assertEqual(ours.code, 1, ours)
        self.assertEqual(ours.err.splitlines(), [visible])

    def some_claims(self, n=30):
        for i in range(n):
            self.create_claim(f"c{i:02d}", f"{i + 1}Gi")

    def test_streamed_list_cut_midway_is_one_error(self):
        # The whole list read as it arrives: a cut, a RST or a truncated chunk in its
        # middle prints nothing of the table, one line, exit 1.
        self.some_claims()
        for fault in (fp.CutAfter(5000), fp.CutAfter(5000, reset=True), fp.TruncatedChunk(5000)):
            with self.subTest(fault=fault.name):
                self.proxy.add(fault, match=fp.protobuf_lists)
                r = self.through_proxy("--once")
                self.assertEqual(r.code, 1, r)
                self.assertEqual(r.out, "")
                self.assertEqual(len(r.err.splitlines()), 1, r)
                self.assertTrue(r.err.startswith("Unable to connect to the server: "), r.err)
        self.assertEqual(len([q for q in self.proxy.requests if fp.protobuf_lists(q)]), 3)

    def test_streamed_list_stall_ends_with_request_timeout(self):
        self.some_claims()
        self.proxy.add(fp.StallAfter(5000), match=fp.protobuf_lists)
        start = time.monotonic()
        r = self.through_proxy("--once", "--request-timeout", "2s")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("Unable to connect to the server: "), r.err)
        self.assertLess(time.monotonic() - start, 3.5)

    def test_streamed_list_damaged_is_refused(self):
        # Bytes the list's lengths do not account for: refused, never a wrong total.
        self.some_claims()
        for name, fn in (("shortened", lambda body: body[:-40]),
                         ("lengthened", lambda body: body[:3000] + b"\x0a\x01x" + body[3000:])):
            with self.subTest(damage=name):
                self.proxy.add(fp.Rewrite(fn, name), match=fp.protobuf_lists)
                r = self.through_proxy("--once")
                self.assertEqual(r.code, 1, r)
                self.assertEqual(r.out, "")
                self.assertRegex(r.err, r"^Unable to connect to the server: .*malformed protobuf "
                                        r"list response: [^\n]*\n$")

    def test_streamed_list_answered_as_json_lists_in_pages(self):
        # A server (or a proxy in between) that does not speak protobuf answers JSON:
        # the table comes from pages as kubectl asks them, the same.
        self.some_claims(3)
        self.proxy.add(fp.Generated(lambda: [b'{"kind":"PersistentVolumeClaimList",'
                                             b'"apiVersion":"v1","metadata":{},"items":[]}']),
                       match=fp.protobuf_lists)
        r = self.through_proxy("--once")
        self.assertEqual(r.code, 0, r)
        self.assertIn("Total claimed: 6Gi of max 200Gi (3.0%, 3 claims)", r.out)
        self.assertEqual([q.query.get("limit") for q in self.proxy.requests if fp.lists(q)],
                         ["1", None, "500"])

    def test_list_stall_ends_with_request_timeout(self):
        self.proxy.add(fp.StallAfter(0), match=fp.lists)
        start = time.monotonic()
        r = self.through_proxy("--once", "--request-timeout", "2s")
        FIGURES.append(("list stall, --request-timeout 2s: failed after",
                        time.monotonic() - start))
        self.assertEqual(r.code, 1, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("Unable to connect to the server: "), r.err)
        self.assertLess(time.monotonic() - start, 3.5)

    def test_list_body_over_the_cap(self):
        cap = 64 << 20

        def body():
            yield b'{"kind":"PersistentVolumeClaimList","apiVersion":"v1","items":[],"pad":"'
            for _ in range((cap >> 20) + 1):
                yield b"x" * (1 << 20)
            yield b'"}'

        self.proxy.add(fp.Generated(body, name="body over the cap"), match=fp.lists)
        r, rss = self.run_rss("--once")
        FIGURES.append(("list body over the cap: peak RSS MiB", rss))
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, f"Unable to connect to the server: response body larger than "
                                f"{cap >> 20} MiB\n")
        # Under AddressSanitizer every allocation carries shadow memory and redzones.
        overhead = 3 if os.environ.get("PVCWATCH_SANITIZED") else 1
        self.assertLess(rss, 3 * (cap >> 20) * overhead)

    def test_list_deeply_nested(self):
        deep = (b'{"kind":"PersistentVolumeClaimList","apiVersion":"v1","items":[],"pad":'
                + b"[" * 200000 + b"]" * 200000 + b"}")
        self.proxy.add(fp.Generated(lambda: [deep], name="200000 nested arrays"), match=fp.lists)
        r = self.through_proxy("--once")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)

    def run_rss(self, *args):
        """The plugin through the proxy; returns its Result and peak RSS in MiB."""
        proc = subprocess.Popen([self.plugin, "--kubeconfig", self.kubeconfig, *args],
                                env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with proc.stdout, proc.stderr:
            out = proc.stdout.read()
            err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        result = harness.Result(subprocess.CompletedProcess(args, proc.returncode,
                                                            out.decode(), err.decode()))
        return result, usage.ru_maxrss // 1024


if __name__ == "__main__":
    harness.main()
