"""A loopback fault-injection proxy for the end-to-end tests, between the plugin and the
real kube-apiserver (Python standard library only).

The plugin verifies TLS, so the proxy terminates TLS with a serving certificate for
127.0.0.1 signed by the test CA (made with openssl by `make_serving_cert`) and opens its
own verified TLS connection to the apiserver for each request, forwarding the request's
headers, Authorization included (the tests use the bearer-token user). One request per
connection: every answer says `Connection: close`.

Faults are chosen per request by rules (`FaultProxy.add`): the first rule whose `match`
accepts the request, while it has uses left, handles it. A fault either answers in the
apiserver's place (a status, an HTML page) or shapes the forwarded response: the body is
re-framed as chunked and each piece the apiserver sends passes through the fault, which
may cut, stall, truncate, corrupt or slow it down. What happened is kept in `log` (with
monotonic times) for the tests' assertions and recovery figures.

    python3 fault_proxy.py CLUSTER_DIR   # a pass-through proxy, for trying things by hand
"""

import json
import os
import select
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
import urllib.parse

import loopback


def make_serving_cert(pki_dir, out_dir):
    """A key and certificate for IP 127.0.0.1, signed by the test CA in `pki_dir`;
    returns (cert_path, key_path)."""
    os.makedirs(out_dir, exist_ok=True)
    key = os.path.join(out_dir, "proxy.key")
    csr = os.path.join(out_dir, "proxy.csr")
    cert = os.path.join(out_dir, "proxy.crt")
    ext = os.path.join(out_dir, "proxy.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    for argv in (["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=fault-proxy",
                  "-keyout", key, "-out", csr],
                 ["openssl", "x509", "-req", "-in", csr, "-CA", os.path.join(pki_dir, "ca.crt"),
                  "-CAkey", os.path.join(pki_dir, "ca.key"), "-CAcreateserial",
                  "-CAserial", os.path.join(out_dir, "ca.srl"), "-days", "2",
                  "-extfile", ext, "-out", cert]):
        subprocess.run(argv, check=True, capture_output=True)
    return cert, key


# ------------------------------------------------------------------------- requests

class Request:
    """An HTTP/1.1 request line and headers as the client sent them."""

    def __init__(self, method, target, headers):
        self.method = method
        self.target = target
        self.headers = headers  # [(name, value)] in order
        url = urllib.parse.urlsplit(target)
        self.path = url.path
        self.query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        self.time = time.monotonic()
        self.fault = None
        self.status = None

    @property
    def is_watch(self):
        return self.query.get("watch") in ("1", "true")

    @property
    def is_list(self):
        return self.method == "GET" and not self.is_watch

    @property
    def is_continue(self):
        return bool(self.query.get("continue"))

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def __repr__(self):
        return f"{self.method} {self.target} -> {self.status} ({self.fault})"


def claims(request):
    """Matches the plugin's claim requests (list or watch), not quotas or discovery."""
    return request.path.endswith("/persistentvolumeclaims")


def watches(request):
    return claims(request) and request.is_watch


def lists(request):
    return claims(request) and request.is_list


def protobuf_lists(request):
    """The list asked for as Kubernetes protobuf: the table's whole list, read as it comes."""
    return lists(request) and "vnd.kubernetes.protobuf" in (request.header("Accept") or "")


def continues(request):
    return lists(request) and request.is_continue


class _Reader:
    """Buffered reads from a socket, for HTTP framing."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise EOFError
        self.buf += data

    def line(self, limit=1 << 16):
        while b"\r\n" not in self.buf:
            if len(self.buf) > limit:
                raise ValueError("header line too long")
            self._fill()
        line, _, self.buf = self.buf.partition(b"\r\n")
        return line.decode("latin-1")

    def exactly(self, n):
        while len(self.buf) < n:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def some(self):
        """Whatever is buffered or arrives next; b"" at the end."""
        if not self.buf:
            try:
                self._fill()
            except EOFError:
                return b""
        data, self.buf = self.buf, b""
        return data

    def headers(self):
        headers = []
        while True:
            line = self.line()
            if not line:
                return headers
            name, _, value = line.partition(":")
            headers.append((name.strip(), value.strip()))


def _body_pieces(reader, headers):
    """The decoded body of a response, piece by piece as the apiserver sends it (one
    piece per chunk: the apiserver flushes one watch event per chunk)."""
    names = {k.lower(): v for k, v in headers}
    if "chunked" in names.get("transfer-encoding", "").lower():
        while True:
            size = int(reader.line().split(";")[0], 16)
            if size == 0:
                reader.headers()  # trailers
                return
            yield reader.exactly(size)
            reader.line()
    elif "content-length" in names:
        left = int(names["content-length"])
        while left > 0:
            data = reader.exactly(min(left, 65536))
            left -= len(data)
            yield data
    else:
        while data := reader.some():
            yield data


# ------------------------------------------------------------------------- output

class Cut(Exception):
    """Ends the client connection at once (FIN, or RST when `reset`), with no TLS
    close_notify: what a dying peer or middlebox does."""

    def __init__(self, reset=False):
        super().__init__("cut")
        self.reset = reset


class Stall(Exception):
    """Stops forwarding and keeps the client connection open until the client gives up."""


class Out:
    """What goes to the client: raw bytes, or HTTP/1.1 chunks. `byte_delay` set means
    one byte per write (one TLS record each), that many seconds apart."""

    def __init__(self, sock):
        self.sock = sock
        self.byte_delay = None
        self.sent_body = 0

    def raw(self, data):
        if self.byte_delay is None:
            self.sock.sendall(data)
            return
        for i in range(len(data)):
            self.sock.sendall(data[i:i + 1])
            if self.byte_delay:
                time.sleep(self.byte_delay)

    def head(self, status_line, headers):
        lines = [status_line] + [f"{k}: {v}" for k, v in headers]
        self.raw(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def chunk(self, data):
        if data:
            self.raw(b"%x\r\n" % len(data) + data + b"\r\n")
            self.sent_body += len(data)

    def end(self):
        self.raw(b"0\r\n\r\n")


def response(code, reason, body=b"", content_type="application/json", headers=()):
    """A complete HTTP/1.1 response, for faults that answer in the apiserver's place."""
    if isinstance(body, str):
        body = body.encode()
    lines = [f"HTTP/1.1 {code} {reason}", f"Content-Type: {content_type}",
             f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def status_body(code, reason, message, retry_after=None):
    """A metav1.Status failure, as the apiserver writes it."""
    status = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
              "message": message, "reason": reason, "code": code}
    if retry_after is not None:
        status["details"] = {"retryAfterSeconds": retry_after}
    return json.dumps(status)


# ------------------------------------------------------------------------- faults

class Fault:
    """Pass-through. Subclasses answer in the apiserver's place (`answer`), or shape the
    forwarded response (`on_head`, `on_piece`, `on_end`), or rewrite a buffered body
    (`rewrite`, set `buffered`)."""

    name = "pass"
    buffered = False
    byte_delay = None  # set: the whole response goes one byte per write

    def rewrite_request(self, request):
        """The target to send upstream (tests shrink `limit` to get many pages)."""
        return request.target

    def answer(self, request):
        """Bytes to send instead of forwarding, or None."""
        return None

    def on_head(self, out):
        pass

    def on_piece(self, out, data):
        out.chunk(data)

    def on_end(self, out):
        out.end()

    def rewrite(self, body):
        return body

    def __repr__(self):
        return self.name


class Answer(Fault):
    """Answers with a fixed status, headers and body, e.g. 503 with Retry-After."""

    def __init__(self, code, reason, body="", content_type="application/json", headers=()):
        self.name = f"answer {code}"
        self.bytes = response(code, reason, body, content_type, headers)

    def answer(self, request):
        return self.bytes


class StatusAnswer(Answer):
    """A metav1.Status failure with its code (and Retry-After, header and details)."""

    def __init__(self, code, reason, message, retry_after=None):
        headers = [("Retry-After", str(retry_after))] if retry_after is not None else []
        super().__init__(code, reason, status_body(code, reason, message, retry_after),
                         headers=headers)
        self.name = f"status {code}" + (f" retry-after {retry_after}" if retry_after else "")


class HtmlPage(Answer):
    """What a load balancer in front of the apiserver answers when it is unhappy."""

    PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n")

    def __init__(self, code=502, reason="Bad Gateway"):
        super().__init__(code, reason, self.PAGE, content_type="text/html")
        self.name = f"html {code}"


class AtByte(Fault):
    """Forwards `after` body bytes, then does `then(out, rest_of_piece)`."""

    def __init__(self, after):
        self.after = after

    def on_piece(self, out, data):
        left = self.after - out.sent_body
        if left >= len(data):
            out.chunk(data)
            return
        out.chunk(data[:max(left, 0)])
        self.then(out, data[max(left, 0):])

    def then(self, out, rest):
        raise NotImplementedError


class CutAfter(AtByte):
    """The connection ends after `after` body bytes (mid-event), with a FIN or a RST."""

    def __init__(self, after, reset=False):
        super().__init__(after)
        self.reset = reset
        self.name = f"cut after {after} bytes" + (" (RST)" if reset else "")

    def then(self, out, rest):
        raise Cut(self.reset)


class StallAfter(AtByte):
    """After `after` body bytes nothing more is sent; the connection stays open."""

    def __init__(self, after):
        super().__init__(after)
        self.name = f"stall after {after} bytes"

    def then(self, out, rest):
        raise Stall()


class TruncatedChunk(AtByte):
    """A chunk that announces its full size but carries only its first bytes; then the
    connection ends."""

    def __init__(self, after):
        super().__init__(after)
        self.name = f"truncated chunk after {after} bytes"

    def then(self, out, rest):
        out.raw(b"%x\r\n" % len(rest) + rest[:len(rest) // 2])
        raise Cut()


class BadChunkHeader(Fault):
    """A chunk-size line that is not hexadecimal, or a size near 2^63 that never comes."""

    def __init__(self, header=b"zz"):
        self.header = header
        self.name = f"chunk header {header!r}"

    def on_piece(self, out, data):
        out.raw(self.header + b"\r\n" + data)
        raise Cut()


class Inject(Fault):
    """Sends `data` (bytes, or a function returning bytes) before the first piece of
    the body (or right after the head, `at_start`), then forwards as usual."""

    def __init__(self, data, name=None, at_start=False):
        self.data = data
        self.at_start = at_start
        self.done = False
        self.name = name or f"inject {data[:40]!r}"

    def _inject(self, out):
        if not self.done:
            self.done = True
            extra = self.data() if callable(self.data) else self.data
            # Big injections go as several chunks, as a server would stream them.
            for i in range(0, len(extra), 1 << 20):
                out.chunk(extra[i:i + (1 << 20)])

    def on_head(self, out):
        if self.at_start:
            self._inject(out)

    def on_piece(self, out, data):
        self._inject(out)
        out.chunk(data)


class Generated(Fault):
    """Answers 200 with a chunked body from `pieces()` (an iterable of bytes), e.g. a
    body far over the plugin's cap; stops when the client hangs up."""

    def __init__(self, pieces, name="generated body", content_type="application/json"):
        self.pieces = pieces
        self.content_type = content_type
        self.name = name

    def serve(self, out):
        out.head("HTTP/1.1 200 OK", [("Content-Type", self.content_type),
                                      ("Transfer-Encoding", "chunked"), ("Connection", "close")])
        for piece in self.pieces():
            out.chunk(piece)
        out.end()


class OneByteAtATime(Fault):
    """The whole response, head included, one byte per TLS record."""

    def __init__(self, delay=0.0005):
        self.byte_delay = delay
        self.name = "one byte at a time"


class Rewrite(Fault):
    """The whole body, decoded, passed through `fn(bytes) -> bytes`."""

    buffered = True

    def __init__(self, fn, name="rewrite"):
        self.fn = fn
        self.name = name

    def rewrite(self, body):
        return self.fn(body)


class SmallPages(Fault):
    """Asks the apiserver for pages of `limit` items (the plugin asks 500), so a few
    claims make a paged list with continue tokens."""

    def __init__(self, limit):
        self.limit = limit
        self.name = f"limit {limit}"

    def rewrite_request(self, request):
        url = urllib.parse.urlsplit(request.target)
        query = [(k, str(self.limit) if k == "limit" else v)
                 for k, v in urllib.parse.parse_qsl(url.query, keep_blank_values=True)]
        return urllib.parse.urlunsplit(url._replace(query=urllib.parse.urlencode(query)))


class Rule:
    def __init__(self, fault, match, times, after):
        self.fault = fault
        self.match = match
        self.times = times  # None: every matching request
        self.after = after  # matching requests let through first


# ------------------------------------------------------------------------- the proxy

class FaultProxy(loopback.LoopbackServer):
    """Listens on 127.0.0.1 (TLS with `cert`/`key`), forwards to `upstream`
    ("127.0.0.1:port", verified against `ca`)."""

    def __init__(self, upstream, ca, cert, key):
        self.upstream_host, port = upstream.rsplit(":", 1)
        self.upstream_port = int(port)
        self.server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.server_ctx.load_cert_chain(cert, key)
        self.client_ctx = ssl.create_default_context(cafile=ca)
        super().__init__()
        self.url = f"https://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.rules = []
        self.log = []  # (monotonic time, what, request)
        self.requests = []
        self.open = set()
        self.start()

    # ---- configuration and inspection, from the test's thread

    def add(self, fault, match=claims, times=1, after=0):
        """Handles `times` requests (all when None) that `match` accepts, once `after`
        of them went through untouched. Rules are tried in the order they were added."""
        with self.lock:
            self.rules.append(Rule(fault, match, times, after))
        return fault

    def clear(self):
        with self.lock:
            self.rules.clear()

    def events(self, what=None):
        with self.lock:
            return [e for e in self.log if what is None or e[1] == what]

    def first(self, what):
        """The time of the first `what` ("request", "cut", "stall", "client gave up")."""
        found = self.events(what)
        return found[0][0] if found else None

    def close(self):
        super().close()
        with self.lock:
            for sock in list(self.open):
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked on it
                except OSError:
                    pass

    # ---- the serving side

    def _note(self, what, request=None):
        with self.lock:
            self.log.append((time.monotonic(), what, request))

    def _pick(self, request):
        with self.lock:
            self.requests.append(request)
            for rule in self.rules:
                if rule.times != 0 and rule.match(request):
                    if rule.after > 0:
                        rule.after -= 1
                        continue
                    if rule.times is not None:
                        rule.times -= 1
                    return rule.fault
        return None

    def _serve(self, raw):
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock = raw
        with self.lock:
            self.open.add(sock)
        try:
            sock = self.server_ctx.wrap_socket(raw, server_side=True)  # takes over raw's fd
            with self.lock:
                self.open.discard(raw)
                self.open.add(sock)
            reader = _Reader(sock)
            line = reader.line()
            method, target, _ = line.split(" ", 2)
            request = Request(method, target, reader.headers())
            fault = self._pick(request) or Fault()
            request.fault = fault
            self._note("request", request)
            self._handle(request, fault, sock, reader)
        except Cut as cut:
            self._note("cut", None)
            if cut.reset:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except Stall:
            self._note("stall", None)
            self._wait_for_client_to_give_up(sock)
        except (OSError, EOFError, ValueError):
            pass
        finally:
            with self.lock:
                self.open.discard(sock)
            try:
                sock.close()  # no close_notify: the TLS layer just stops
            except OSError:
                pass

    def _wait_for_client_to_give_up(self, sock):
        # The client gives up by closing; until then the connection stays open, silent.
        while not self.closed:
            ready, _, _ = select.select([sock], [], [], 0.2)
            if ready:
                try:
                    if not sock.recv(4096):
                        break
                except (OSError, ssl.SSLError):
                    break
        self._note("client gave up")

    def _handle(self, request, fault, sock, reader):
        out = Out(sock)
        out.byte_delay = fault.byte_delay
        if isinstance(fault, Generated):
            request.status = 200
            fault.serve(out)
            return
        canned = fault.answer(request)
        if canned is not None:
            request.status = int(canned.split(b" ", 2)[1])
            out.raw(canned)
            return
        upstream = socket.create_connection((self.upstream_host, self.upstream_port))
        upstream = self.client_ctx.wrap_socket(upstream, server_hostname=self.upstream_host)
        with upstream:
            head = [f"{request.method} {fault.rewrite_request(request)} HTTP/1.1"]
            for name, value in request.headers:
                # Identity bodies, so faults and rewrites see the bytes; one request per
                # connection.
                if name.lower() in ("connection", "accept-encoding", "keep-alive", "host"):
                    continue
                head.append(f"{name}: {value}")
            head += [f"Host: {self.upstream_host}:{self.upstream_port}", "Connection: close"]
            upstream.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
            up = _Reader(upstream)
            status_line = up.line()
            request.status = int(status_line.split(" ", 2)[1])
            headers = up.headers()
            kept = [(k, v) for k, v in headers
                    if k.lower() not in ("transfer-encoding", "content-length", "connection")]
            if fault.buffered:
                body = fault.rewrite(b"".join(_body_pieces(up, headers)))
                out.head(status_line, kept + [("Content-Length", str(len(body))),
                                              ("Connection", "close")])
                out.raw(body)
                return
            out.head(status_line, kept + [("Transfer-Encoding", "chunked"),
                                          ("Connection", "close")])
            fault.on_head(out)
            for piece in _body_pieces(up, headers):
                fault.on_piece(out, piece)
            fault.on_end(out)


# ------------------------------------------------------------------------- helpers

def token_kubeconfig(path, proxy_url, ca, token, namespace):
    """A kubeconfig for the bearer-token user, with `proxy_url` as the server."""
    config = {
        "apiVersion": "v1", "kind": "Config", "current-context": "proxy",
        "clusters": [{"name": "proxy", "cluster": {"server": proxy_url,
                                                   "certificate-authority": ca}}],
        "users": [{"name": "tokenuser", "user": {"token": token}}],
        "contexts": [{"name": "proxy", "context": {"cluster": "proxy", "user": "tokenuser",
                                                   "namespace": namespace}}],
    }
    with open(path, "w") as f:
        json.dump(config, f)
    os.chmod(path, 0o600)
    return path


def main(cluster_dir):
    pki = os.path.join(cluster_dir, "pki")
    cert, key = make_serving_cert(pki, os.path.join(cluster_dir, "fault-proxy"))
    with open(os.path.join(cluster_dir, "apiserver.port")) as f:
        upstream = "127.0.0.1:" + f.read().strip()
    proxy = FaultProxy(upstream, os.path.join(pki, "ca.crt"), cert, key)
    with open(os.path.join(cluster_dir, "token")) as f:
        token = f.read().strip()
    path = token_kubeconfig(os.path.join(cluster_dir, "fault-proxy", "kubeconfig"), proxy.url,
                            os.path.join(pki, "ca.crt"), token, "default")
    print(f"proxy {proxy.url} -> {upstream}; KUBECONFIG={path}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        proxy.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: fault_proxy.py CLUSTER_DIR")
    main(sys.argv[1])
