"""`make edit`: the built site and Decap's local backend (decap-server) on one 127.0.0.1 address.

decap-server reads and writes the repository's files (MODE=fs) or commits them (MODE=git). This
server serves site/ and forwards POST /api/v1 to it, so the editor's requests stay on the page's
own origin and the site's Content-Security-Policy (connect-src 'self') holds for /admin/ too.
"""

from __future__ import annotations

import argparse
import functools
import http.client
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tiw import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_decap_server(repo: Path, port: int, mode: str = "fs") -> subprocess.Popen:
    """decap-server on 127.0.0.1:port for the repository at `repo`; returns once it answers."""
    if not DECAP_SERVER.is_file():
        sys.exit(f"{DECAP_SERVER.relative_to(ROOT)} is missing: run `npm ci` (decap-server is pinned in package.json).")
    env = dict(os.environ, GIT_REPO_DIRECTORY=str(repo), PORT=str(port), BIND_HOST="127.0.0.1", MODE=mode, LOG_LEVEL="warn")
    proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"decap-server stopped: {proc.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit(f"decap-server did not start on 127.0.0.1:{port} within 30 s")


class EditHandler(http.server.SimpleHTTPRequestHandler):
    proxy_port = 8081

    def log_message(self, *args):
        pass

    def do_POST(self):
        if self.path != "/api/v1":
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        conn = http.client.HTTPConnection("127.0.0.1", self.proxy_port, timeout=60)
        try:
            conn.request("POST", "/api/v1", body, {"Content-Type": "application/json"})
            reply = conn.getresponse()
            data = reply.read()
        except OSError as exc:
            self.send_error(502, f"decap-server is not answering: {exc}")
            return
        finally:
            conn.close()
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def make_server(site: Path, port: int, proxy_port: int) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (EditHandler,), {"proxy_port": proxy_port})
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))


def serve_in_thread(server: http.server.ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--repo", type=Path, default=ROOT)
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument(
        "--mode",
        choices=["fs", "git"],
        default="fs",
        help="fs: save to the files; git: every save is a commit on the current branch",
    )
    args = ap.parse_args(argv)
    if not (args.site / "admin" / "index.html").is_file():
        sys.exit(f"{args.site}/admin/index.html is missing: run `make build` first.")
    proxy_port = free_port()
    proxy = start_decap_server(args.repo.resolve(), proxy_port, args.mode)
    server = make_server(args.site, args.port, proxy_port)
    print(
        f"Editor: http://127.0.0.1:{args.port}/admin/ (Welsh: http://127.0.0.1:{args.port}/cy/admin/)\n"
        f"Saving to {args.repo.resolve()} ({args.mode}). After saving, `make build` shows the changes on the site. "
        "Stop with Ctrl+C.",
        flush=True,
    )
    # Stop decap-server with this server, whether by Ctrl+C or by a kill.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        proxy.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
