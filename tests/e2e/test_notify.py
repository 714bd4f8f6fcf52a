"""--webhook and --cooldown against the real control plane: each crossing reaches a
loopback HTTPS receiver once, as the JSON event -o json prints (or Slack's text); a
receiver that is down is retried until it is back, one that keeps failing is given up
with a message; a slow receiver under a flapping total never holds up the watch (its
queue is bounded); a cooldown holds crossings and sends the state they left; the URL,
which may hold a secret, is never printed."""

import json
import os
import time

import harness
import scrape
from webhook_receiver import Receiver

CROSSINGS = ("OVERAGE", "WARNING", "NORMAL")


class NotifyTest(harness.ClusterTest):
    def setUp(self):
        super().setUp()
        self.receiver = Receiver(self.shared_dir("pvcwatch-webhook-"))
        self.receiver.start()
        self.addCleanup(self.receiver.stop)
        self.env = dict(self.env, PVCWATCH_WEBHOOK_BACKOFF_MS="500")

    def url(self, path="/services/T0/B0/s3cr3t?token=hush"):
        return f"https://127.0.0.1:{self.receiver.port}{path}"

    def watch(self, *args):
        w = harness.Watcher(self, ["-n", self.ns, "-o", "json", "--webhook", self.url(),
                                   "--webhook-ca", self.receiver.cert, *args])
        self.addCleanup(self.assert_no_secret, w)
        return w

    def assert_no_secret(self, w):
        for line in w.lines + w.err_lines:
            self.assertNotIn("s3cr3t", line)
            self.assertNotIn("hush", line)

    def capacity(self, name, size):
        """status.capacity, what --count capacity counts: a total that moves at once."""
        self.kubectl("patch", "pvc", name, "-n", self.ns, "--subresource=status",
                     "--type=merge", "-p", json.dumps({"status": {"capacity": {"storage": size}}}))

    def wait_err(self, w, text, timeout):
        """Until a notice (stderr) holds `text`; returns it."""
        deadline = time.monotonic() + timeout
        while not any(text in l for l in w.err_lines):
            self.assertLess(time.monotonic(), deadline, w.err_lines)
            time.sleep(0.1)
        return next(l for l in w.err_lines if text in l)

    def webhook_metrics(self, w):
        """Webhook 1's counters on /metrics, by what they count."""
        parsed = scrape.samples(scrape.metrics_port(self, w))
        labels = dict(webhook="1", url=f"https://127.0.0.1:{self.receiver.port}")
        return {name: scrape.value(parsed, f"pvcwatch_webhook_{name}", **labels)
                for name in ("sent_total", "failed_total", "dropped_total", "queued")}

    def crossings(self, w):
        return [json.loads(l) for l in w.lines if json.loads(l).get("type") in CROSSINGS]

    def test_each_crossing_is_posted_once_as_the_json_event(self):
        scrape.require_parser()
        w = self.watch("--max-claims", "10Gi", "--warn-at", "80%", *scrape.METRICS_ARGS)
        self.create_claim("a", "9Gi")
        w.wait_for('"type":"WARNING"')
        self.create_claim("b", "2Gi")
        w.wait_for('"type":"OVERAGE"')
        self.kubectl("delete", "pvc", "a", "b", "-n", self.ns, "--wait=false")
        w.wait_for('"type":"NORMAL"')
        self.assertTrue(self.receiver.wait_count(3, 20), self.receiver.requests)
        w.drain(1.5)
        printed = self.crossings(w)
        self.assertEqual([c["type"] for c in printed], ["WARNING", "OVERAGE", "NORMAL"])
        self.assertEqual(self.receiver.bodies(), printed)  # once each, in order, the same
        for path, headers, _ in self.receiver.requests:
            self.assertEqual(path, "/services/T0/B0/s3cr3t?token=hush")
            self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(self.webhook_metrics(w), {"sent_total": 3, "failed_total": 0,
                                                   "dropped_total": 0, "queued": 0})

    def test_slack_text(self):
        w = harness.Watcher(self, ["-n", self.ns, "--max-claims", "1Gi", "--webhook",
                                   self.url(), "--webhook-ca", self.receiver.cert,
                                   "--webhook-format", "slack"])
        self.create_claim("a", "2Gi")
        w.wait_for("Claim overage reached")
        self.assertTrue(self.receiver.wait_count(1, 20))
        self.assertEqual(self.receiver.bodies(),
                         [{"text": "Claim overage reached: max 1Gi at 2Gi"}])

    def test_a_receiver_that_is_down_is_retried_until_it_is_back(self):
        port = self.receiver.port
        self.receiver.stop()
        w = self.watch("--max-claims", "1Gi")
        self.create_claim("a", "2Gi")
        w.wait_for('"type":"OVERAGE"')
        retry = self.wait_err(w, "retrying in", 20)
        self.assertIn(f"webhook 1 (https://127.0.0.1:{port}): ", retry)
        self.assertIn("connection refused", retry)
        # The watch goes on meanwhile.
        self.create_claim("b", "1Gi")
        w.wait_for('"name":"b"', timeout=10)
        old = self.receiver
        self.receiver = Receiver(None, port, certificate=(old.cert, old.key)).start()
        self.addCleanup(self.receiver.stop)
        self.assertTrue(self.receiver.wait_count(1, 20), w.err_lines)
        self.assertEqual(self.receiver.bodies(), self.crossings(w))

    def test_a_receiver_that_keeps_failing_is_given_up(self):
        scrape.require_parser()
        self.receiver.status = 503
        w = self.watch("--max-claims", "1Gi", *scrape.METRICS_ARGS)
        self.create_claim("a", "2Gi")
        w.wait_for('"type":"OVERAGE"')
        given_up = self.wait_err(w, "was not sent", 30)
        self.assertEqual(len(self.receiver.requests), 5)  # every attempt reached it
        self.assertTrue(given_up.endswith("the overage crossing was not sent: HTTP 503 "
                                          "(after 5 attempts)"), given_up)
        self.receiver.status = 400  # not retried
        self.create_claim("b", "1Gi")  # still over: no crossing
        self.kubectl("delete", "pvc", "a", "b", "-n", self.ns, "--wait=false")
        w.wait_for('"type":"NORMAL"')
        self.assertTrue(self.receiver.wait_count(6, 20))
        time.sleep(1)
        self.assertEqual(len(self.receiver.requests), 6)
        self.assertTrue(any(l.endswith("the normal crossing was not sent: HTTP 400")
                            for l in w.err_lines), w.err_lines)
        # 5 failed attempts for the overage, 1 for the normal crossing; both given up.
        self.assertEqual(self.webhook_metrics(w), {"sent_total": 0, "failed_total": 6,
                                                   "dropped_total": 2, "queued": 0})

    def flap(self, times):
        """A total crossing 10Gi up and down `times` times, as fast as kubectl goes."""
        for i in range(times):
            self.capacity("a", "20Gi" if i % 2 == 0 else "1Gi")

    def test_a_slow_receiver_never_holds_up_the_watch(self):
        self.receiver.delay = 5.0  # at most 3 taken while the total flaps
        self.create_claim("a", "1Gi")
        w = self.watch("--max-claims", "10Gi", "--count", "capacity")
        w.wait_for('"name":"a"')
        flips = 72  # more than the queue holds (64) and the receiver takes
        start = time.monotonic()
        self.flap(flips)
        done = time.monotonic()
        # Every crossing is printed as it happens, however slow the receiver.
        while len(self.crossings(w)) < flips:
            self.assertLess(time.monotonic() - done, 10.0, "the watch fell behind")
            w.drain(0.2)
        self.assertLess(len(self.receiver.requests), flips)
        self.wait_err(w, "crossings waiting; dropped the oldest", 10)
        self.assertIn("webhook 1 (https://127.0.0.1:", w.err_lines[-1])

    def test_a_cooldown_holds_crossings_and_sends_the_state_they_left(self):
        scrape.require_parser()
        self.create_claim("a", "1Gi")
        w = self.watch("--max-claims", "10Gi", "--count", "capacity", "--cooldown", "4s",
                       *scrape.METRICS_ARGS)
        w.wait_for('"name":"a"')
        self.flap(4)  # overage (sent), normal, overage, normal (held)
        while len(self.crossings(w)) < 4:
            w.drain(0.2)
        self.assertEqual(len(self.receiver.bodies()), 1)
        self.assertTrue(self.receiver.wait_count(2, 15))
        first, held = self.receiver.bodies()
        printed = self.crossings(w)
        self.assertEqual(first, printed[0])
        self.assertEqual(held, dict(printed[3], held=True, suppressed=2))
        notice = next(l for l in w.err_lines if "Cooldown of --max-claims over" in l)
        self.assertIn("sending the normal crossing it held (3 held back, the last sent)", notice)
        # Once the period that sending it began is over, a flap back to the state sent is
        # reported, not sent.
        time.sleep(4.5)
        self.flap(3)  # overage (sent at once), normal, overage (held)
        self.assertTrue(self.receiver.wait_count(3, 10))
        self.wait_err(w, "held back and not sent", 15)
        self.assertEqual(len(self.receiver.requests), 3)
        # Never sent: the 2 held before the one sent, then the 2 of the flap back.
        parsed = scrape.samples(scrape.metrics_port(self, w))
        self.assertEqual(scrape.value(parsed, "pvcwatch_cooldown_suppressed_total"), 4)

    def test_bad_flags_name_the_webhook_not_its_url(self):
        r = self.pvcwatch("-n", self.ns, "--webhook", "ftp://user:s3cr3t@example.com/x")
        self.assertEqual(r.code, 1)
        self.assertIn('error: invalid argument for "--webhook" flag (webhook 1): the URL\'s '
                      "scheme must be https or http", r.err)
        self.assertNotIn("s3cr3t", r.err + r.out)
        r = self.pvcwatch("-n", self.ns, "--once", "--webhook", self.url())
        self.assertEqual(r.code, 1)
        self.assertIn("error: --webhook acts on crossings while watching; it cannot be used "
                      "with --once", r.err)
        r = self.pvcwatch("-n", self.ns, "--cooldown", "soon")
        self.assertIn('error: invalid argument "soon" for "--cooldown" flag: time: invalid '
                      'duration "soon"', r.err)


if __name__ == "__main__":
    harness.main()
