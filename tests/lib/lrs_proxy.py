#!/usr/bin/env python3
"""A stand-in in front of the test's learning record store, for what a real
store's network does: tests/cli/lrs.sh points `results push` at it.

usage: lrs_proxy.py PORT STORE_PORT MODE [N] [FILE]
  pass         forward every request to the store
  die N        forward; the (N+1)th POST reaches the store, then the proxy
               dies before answering (the store accepted it, the pusher never
               hears so): a store that goes away mid-push
  hold N FILE  forward; after the (N+1)th POST has reached the store, touch
               FILE and wait 30 s before answering (the test kills the pusher)
  busy N       answer the first N POSTs 503, then forward
  deny         answer everything 401
The in-memory store loses what it holds when it is killed, so the proxy is
what dies: the store behind it keeps its statements, as a real one would.
"""
import http.server
import os
import sys
import time
import urllib.error
import urllib.request

PORT, STORE = int(sys.argv[1]), int(sys.argv[2])
MODE = sys.argv[3]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 0
FILE = sys.argv[5] if len(sys.argv) > 5 else None
posts = 0


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, code, body, headers=()):
        self.send_response(code)
        for k, v in headers:
            if k.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def forward(self, body):
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (STORE, self.path), data=body,
                                     method=self.command)
        for k in ("Authorization", "Content-Type", "X-Experience-API-Version"):
            if self.headers.get(k):
                req.add_header(k, self.headers[k])
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read(), r.getheaders()
        except urllib.error.HTTPError as e:
            return e.code, e.read(), e.headers.items()

    def handle_any(self):
        global posts
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if MODE == "deny":
            return self.answer(401, b'{"message": "Unauthorised"}')
        if self.command == "POST":
            posts += 1
            if MODE == "busy" and posts <= N:
                return self.answer(503, b'{"message": "busy"}')
        code, reply, headers = self.forward(body if self.command != "GET" else None)
        if self.command == "POST" and posts == N + 1:
            if MODE == "die":
                os._exit(0)
            if MODE == "hold":
                open(FILE, "w").close()
                time.sleep(30)
        self.answer(code, reply, headers)

    do_GET = do_POST = do_PUT = handle_any


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Proxy).serve_forever()
