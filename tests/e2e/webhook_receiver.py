"""A loopback HTTPS receiver for --webhook: a certificate of its own (made with openssl,
its CA file handed to --webhook-ca), every request kept, and answers the test sets: a
status, a delay, or none at all (the port closed)."""

import http.server
import json
import os
import ssl
import subprocess
import threading


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1; returns (cert, key) paths. The cert is
    its own CA."""
    cert, key = os.path.join(directory, "receiver.crt"), os.path.join(directory, "receiver.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                    "/CN=pvcwatch-webhook-receiver", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


class Receiver:
    def __init__(self, directory, port=0, certificate=None):
        """`certificate`: (cert, key) of an earlier receiver, to come back as the same one."""
        self.cert, self.key = certificate or make_certificate(directory)
        self.requests = []  # (path, headers dict, body)
        self.status = 200
        self.delay = 0.0
        self.arrived = threading.Condition()
        self._port = port
        self.server = None

    def start(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.delay:
                    threading.Event().wait(receiver.delay)
                with receiver.arrived:
                    receiver.requests.append((self.path, dict(self.headers), body.decode()))
                    receiver.arrived.notify_all()
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self._port), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self._port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def port(self):
        return self._port

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def bodies(self):
        with self.arrived:
            return [json.loads(body) for _, _, body in self.requests]

    def wait_count(self, count, timeout):
        """Until `count` requests have arrived; False after `timeout` seconds."""
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.requests) >= count, timeout)
