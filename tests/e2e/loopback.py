"""The loop both test proxies share: a listener on 127.0.0.1 (a free port) that serves
each connection on a thread of its own."""

import socket
import threading


class LoopbackServer:
    """Subclasses define _serve(sock); start() begins accepting, close() stops it."""

    def __init__(self, port=0):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self.closed = False

    def start(self):
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def close(self):
        self.closed = True
        try:
            self.listener.close()
        except OSError:
            pass

    def _accept(self):
        while not self.closed:
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock):
        raise NotImplementedError
