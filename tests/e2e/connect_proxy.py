"""A tiny HTTP CONNECT proxy for the end-to-end tests: it records each CONNECT request
(line and headers), the TLS server name the client then asks for, and every byte the
client sent, and tunnels the bytes to the target. Loopback only, one thread per tunnel.

    proxy = ConnectProxy(hosts={"kubernetes": "127.0.0.1"})   # names only it resolves
    proxy.start(); ... proxy.url ...; proxy.stop()

`python3 connect_proxy.py [port]` runs one in the foreground for manual tests."""

import base64
import select
import socket
import sys
import threading

import loopback


def _server_name(hello):
    """The SNI host name of a TLS ClientHello (the first bytes of a tunnel), or None."""
    try:
        if len(hello) < 5 or hello[0] != 0x16:
            return None
        body = hello[5:5 + int.from_bytes(hello[3:5], "big")]
        if body[0] != 0x01:  # handshake type ClientHello
            return None
        i = 4 + 2 + 32  # handshake header, client_version, random
        i += 1 + body[i]  # session id
        i += 2 + int.from_bytes(body[i:i + 2], "big")  # cipher suites
        i += 1 + body[i]  # compression methods
        end = i + 2 + int.from_bytes(body[i:i + 2], "big")
        i += 2
        while i + 4 <= end:
            kind = int.from_bytes(body[i:i + 2], "big")
            size = int.from_bytes(body[i + 2:i + 4], "big")
            data = body[i + 4:i + 4 + size]
            if kind == 0:  # server_name: list length, name type 0, name length, name
                return data[5:5 + int.from_bytes(data[3:5], "big")].decode()
            i += 4 + size
    except (IndexError, UnicodeDecodeError):
        return None
    return None


class Tunnel:
    """One CONNECT as the proxy saw it."""

    def __init__(self, request_line, headers):
        self.request_line = request_line
        self.headers = headers  # lower-case name -> value
        self.status = None
        self.client_bytes = b""  # everything the client sent, CONNECT included

    @property
    def server_name(self):
        head, _, rest = self.client_bytes.partition(b"\r\n\r\n")
        return _server_name(rest)

    def proxy_credentials(self):
        """(user, password) from Proxy-Authorization: Basic, or None."""
        value = self.headers.get("proxy-authorization", "")
        if not value.lower().startswith("basic "):
            return None
        user, _, password = base64.b64decode(value[6:]).decode().partition(":")
        return user, password


class ConnectProxy(loopback.LoopbackServer):
    def __init__(self, hosts=None, credentials=None, deny=None, port=0):
        """`hosts` maps names the proxy resolves itself; `credentials` (user, password)
        makes it answer 407 without them; `deny` is a status line it answers instead."""
        self.hosts = hosts or {}
        self.credentials = credentials
        self.deny = deny
        super().__init__(port)
        self.tunnels = []
        self._lock = threading.Lock()
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.close()

    def all_client_bytes(self):
        with self._lock:
            return b"".join(t.client_bytes for t in self.tunnels)

    def _serve(self, client):
        with client:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = client.recv(4096)
                if not chunk:
                    return
                data += chunk
            head, _, early = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            tunnel = Tunnel(lines[0], headers)
            tunnel.client_bytes = data
            with self._lock:
                self.tunnels.append(tunnel)
            method, _, rest = lines[0].partition(" ")
            target = rest.rpartition(" ")[0]
            if method != "CONNECT":
                return self._answer(client, tunnel, "405 Method Not Allowed")
            if self.deny:
                return self._answer(client, tunnel, self.deny)
            if self.credentials and tunnel.proxy_credentials() != tuple(self.credentials):
                return self._answer(client, tunnel, "407 Proxy Authentication Required",
                                    'Proxy-Authenticate: Basic realm="test"\r\n')
            host, _, port = target.rpartition(":")
            host = self.hosts.get(host.strip("[]"), host.strip("[]"))
            try:
                upstream = socket.create_connection((host, int(port)), timeout=10)
            except OSError:
                return self._answer(client, tunnel, "502 Bad Gateway")
            tunnel.status = 200
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            with upstream:
                if early:
                    upstream.sendall(early)
                self._pump(client, upstream, tunnel)

    def _answer(self, client, tunnel, status, extra=""):
        tunnel.status = int(status.split()[0])
        client.sendall(f"HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\n\r\n".encode())

    def _pump(self, client, upstream, tunnel):
        sockets = [client, upstream]
        while True:
            readable, _, _ = select.select(sockets, [], [], 120)
            if not readable:
                return
            for s in readable:
                try:
                    chunk = s.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                if s is client:
                    with self._lock:
                        tunnel.client_bytes += chunk
                    upstream.sendall(chunk)
                else:
                    client.sendall(chunk)


if __name__ == "__main__":
    proxy = ConnectProxy(port=int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(f"CONNECT proxy on 127.0.0.1:{proxy.port}", flush=True)
    proxy.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
