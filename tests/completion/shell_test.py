#!/usr/bin/env python3
"""Drives real interactive bash and zsh through a pseudo-terminal with kb's completion
scripts loaded, types partial command lines, presses Tab, and checks the line the shell
completed (or the candidates it listed), as a user at a terminal would see them.

Usage: shell_test.py KB_BINARY SOURCE_DIR
Exits 0 when every case passes, 1 on a failure, 77 (skipped) when neither shell is present.
"""
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MARK = "@@LINE@@"


class Shell:
    """An interactive shell on a pty. `line()` asks it for its edit buffer through a key
    binding that prints the buffer between marks, so no screen parsing is needed."""

    def __init__(self, argv, env, setup):
        self.master, slave = os.openpty()
        os.set_blocking(self.master, False)
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.buffer = b""
        for command in setup:
            self.send(command + "\n")
        self.send("echo READY''READY\n")
        self.expect(b"READYREADY")

    def send(self, text):
        os.write(self.master, text.encode())

    def read(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.buffer += chunk

    def expect(self, needle, seconds=10):
        end = time.time() + seconds
        while needle not in self.buffer and time.time() < end:
            self.read(0.1)
        if needle not in self.buffer:
            raise RuntimeError("shell never printed %r; it printed %r" % (needle, self.buffer[-2000:]))
        at = self.buffer.index(needle) + len(needle)
        before, self.buffer = self.buffer[:at], self.buffer[at:]
        return before

    def line(self):
        """The edit buffer now (after completion), read through the ^X^L binding."""
        self.send("\x18\x0c")
        self.expect(MARK.encode() + b"<")
        text = self.expect(b">" + MARK.encode())
        return text[: -len(MARK) - 1].decode("utf-8", "replace")

    def clear(self):
        self.send("\x15")  # ^U: the line is dropped
        self.read(0.2)
        self.buffer = b""

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        os.close(self.master)


def bash_shell(env, scripts):
    return Shell(["bash", "--norc", "--noprofile", "-i"], env, [
        "PS1='$ '",
        "source %s/kb.bash" % scripts,
        "bind 'set show-all-if-ambiguous on'",
        "bind -x '\"\\C-x\\C-l\": printf \"%s<%%s>%s\\n\" \"$READLINE_LINE\"'" % (MARK, MARK),
    ])


def zsh_shell(env, scripts):
    return Shell(["zsh", "-f", "-i"], env, [
        "PS1='$ '",
        "autoload -Uz compinit && compinit -u -d %s/zcompdump" % scripts,
        "source %s/_kb" % scripts,
        "kb-show-line() { print -rn -- $'\\n%s<'\"$BUFFER\"$'>%s\\n' }" % (MARK, MARK),
        "zle -N kb-show-line && bindkey '^X^L' kb-show-line",
    ])


def completes(shell, typed, expected, tabs=1):
    """`typed` and Tab complete the line to `expected`."""
    shell.send(typed + "\t" * tabs)
    shell.read(1.0)
    got = shell.line()
    shell.clear()
    return got == expected, "typed %r, Tab gave %r, expected %r" % (typed, got, expected)


def lists(shell, typed, words):
    """`typed` and two Tabs list every one of `words` among the candidates."""
    shell.send(typed + "\t\t")
    shell.read(1.5)
    screen = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", shell.buffer).decode("utf-8", "replace")
    shell.clear()
    missing = [w for w in words if not re.search(r"(^|\s)%s(\s|$)" % re.escape(w), screen)]
    return not missing, "typed %r, Tab Tab listed no %s in %r" % (typed, missing, screen[-600:])


def cases(records, fixtures):
    kb = "kb --kb %s " % records
    return [
        # Commands, options after on/off flags (global and the command's), subcommands.
        (completes, "kb qu", "kb query "),
        (completes, "kb query --explain --or", "kb query --explain --org "),
        (completes, "kb -q --no-cache query --exp", "kb -q --no-cache query --explain "),
        (completes, "kb actions rea", "kb actions reassign "),
        (completes, "kb report wee", "kb report weekly "),
        (lists, "kb export ", ["ics", "sqlite", "neo4j"]),
        # Option values: formats and weeks.
        (completes, "kb query --format gra", "kb query --format graphml "),
        (completes, "kb report weekly --week last", "kb report weekly --week last-week "),
        # Names from the KB: with spaces and with accents.
        (completes, kb + "query --org UNESCO-IE", kb + "query --org UNESCO-IESALC "),
        (completes, kb + "query --person Arian", kb + "query --person Arianna\\ Valentini "),
        (completes, "kb --kb %s show Mart" % fixtures, "kb --kb %s show Martín\\ Ñúñez " % fixtures),
    ]


def run_shell(name, make, env, scripts, all_cases):
    failures = 0
    shell = make(env, scripts)
    try:
        for check, typed, expected in all_cases:
            ok, why = check(shell, typed, expected)
            print("%s %s: %s" % ("ok  " if ok else "FAIL", name, typed))
            if not ok:
                print("     " + why)
                failures += 1
    finally:
        shell.close()
    return failures


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    kb, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shells = [(n, f) for n, f in (("bash", bash_shell), ("zsh", zsh_shell)) if shutil.which(n)]
    if not shells:
        print("skipped: neither bash nor zsh is installed")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        scripts = os.path.join(tmp, "scripts")
        bindir = os.path.join(tmp, "bin")
        os.makedirs(scripts)
        os.makedirs(bindir)
        os.symlink(kb, os.path.join(bindir, "kb"))
        for shell, file in (("bash", "kb.bash"), ("zsh", "_kb")):
            with open(os.path.join(scripts, file), "w") as out:
                subprocess.run([kb, "completion", shell], stdout=out, check=True)
        # A KB of its own (no cache written into the source tree), with a name with accents.
        records = os.path.join(tmp, "records")
        shutil.copytree(os.path.join(source, "records"), records, ignore=shutil.ignore_patterns(".kb"))
        fixtures = os.path.join(tmp, "accents")
        os.makedirs(os.path.join(fixtures, "people"))
        with open(os.path.join(fixtures, "people", "martin-nunez.md"), "w") as note:
            note.write("---\ntype: person\nname: Martín Ñúñez\n---\n")
        env = {"PATH": bindir + ":/usr/bin:/bin", "HOME": tmp, "TERM": "xterm", "LANG": "C.UTF-8",
               "LC_ALL": "C.UTF-8", "KB_NO_CACHE": "1"}
        failures = 0
        for name, make in shells:
            failures += run_shell(name, make, env, scripts, cases(records, fixtures))
        for name in ("bash", "zsh"):
            if not shutil.which(name):
                print("skipped: %s is not installed" % name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
