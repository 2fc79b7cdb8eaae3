"""Starts and stops a `kb serve` for the tests: on 127.0.0.1, on a free port, over a fresh
copy of a KB. Every test stops the server it started (SIGTERM, then SIGKILL after 10 s)."""
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request


class Server:
    def __init__(self, kb_bin, source_kb, write=False, today="2024-09-04", extra=()):
        self.dir = tempfile.mkdtemp(prefix="kb-serve-test-")
        self.root = os.path.join(self.dir, "kb")
        shutil.copytree(source_kb, self.root)
        env = dict(os.environ, KB_TODAY=today, NO_COLOR="1", TZ="UTC")
        env.pop("KB_DIR", None)
        args = [kb_bin, "--kb", self.root, "serve", "--bind", "127.0.0.1", "--port", "0"]
        if write:
            args.append("--write")
        args += list(extra)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        line = self._first_line(20)
        m = re.search(r"at (http://127\.0\.0\.1:(\d+)/)(\?token=([0-9a-f]+))?", line)
        if not m:
            self.stop()
            raise RuntimeError("kb serve did not say where it listens: %r" % line)
        self.url, self.port, self.token = m.group(1), int(m.group(2)), m.group(4)

    def _first_line(self, seconds):
        deadline = time.time() + seconds
        out = b""
        while b"\n" not in out and time.time() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                out += chunk
        return out.decode("utf-8", "replace")

    def get(self, path, headers=None, timeout=10):
        """(status, headers, body text) of a GET; HTTP errors are answers too."""
        req = urllib.request.Request(self.url.rstrip("/") + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, dict(r.headers), r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode("utf-8", "replace")

    def note(self, rel):
        return os.path.join(self.root, rel)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        err = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stdout.close()
        self.proc.stderr.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.proc.returncode, err
