#!/usr/bin/env python3
"""Runs a command with its stdin and stdout on a pseudo-terminal of a fixed size, as a user's
terminal would be, and prints what the terminal received (stderr stays a pipe, so transcripts
keep it apart). Exits with the command's exit code.

Usage: pty_run.py COLUMNSxROWS COMMAND [ARG...]
Example: pty_run.py 80x24 kb --kb records query

The terminal does no output processing (no LF -> CRLF), so the text is byte for byte what the
command wrote. $COLUMNS and $LINES are removed, so the command must ask the terminal itself.
"""
import errno
import fcntl
import os
import struct
import sys
import termios


def main():
    if len(sys.argv) < 3 or "x" not in sys.argv[1]:
        sys.stderr.write(__doc__)
        return 2
    cols, rows = (int(v) for v in sys.argv[1].split("x"))
    argv = sys.argv[2:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST  # oflag: bytes as written
    attrs[3] &= ~termios.ECHO  # lflag: nothing echoed back
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        os.dup2(slave, 0)
        os.dup2(slave, 1)
        os.close(master)
        os.close(slave)
        try:
            os.execvpe(argv[0], argv, env)
        except OSError as e:
            sys.stderr.write("pty_run: cannot run %s: %s\n" % (argv[0], e.strerror))
            os._exit(127)
    os.close(slave)
    out = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as e:
            if e.errno != errno.EIO:  # EIO: every writer of the terminal has closed it
                raise
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(out))
    sys.stdout.flush()
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
