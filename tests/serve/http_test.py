#!/usr/bin/python3
"""HTTP tests of `kb serve` on the sample KB: the JSON API equals the CLI's JSON, hostile
requests are refused (path traversal, a foreign Host, a change without the token, a 1 MB query
string), 100 concurrent clients get correct answers, and an edit on disk shows on the next
request. Usage: http_test.py KB_BINARY SOURCE_DIR"""
import html
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbserve import Server  # noqa: E402

KB, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
RECORDS = os.path.join(SRC, "records")
MEETING = "meetings/2024/2024-09-02-unesco-iesalc"
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def raw(port, request, timeout=10):
    """Sends bytes as they are; returns the status line (or the error)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except OSError as e:  # the server may close before reading all of a huge request
            pass
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError as e:
            return "closed: %s" % e
        return data.split(b"\r\n")[0].decode("latin-1") or "closed"


def cli_json(root, *args):
    env = dict(os.environ, KB_TODAY="2024-09-04", NO_COLOR="1", KB_NO_CACHE="1")
    return json.loads(subprocess.run([KB, "--kb", root, "--format", "json"] + list(args), env=env,
                                     capture_output=True, check=True).stdout)


def test_pages_and_api(s):
    st, h, body = s.get("/")
    check(st == 200 and "This week" in body and "Bilateral meeting with UNESCO-IESALC" in body, "home page lists this week's meetings")
    check("default-src 'none'" in h.get("Content-Security-Policy", ""), "every page has a strict CSP")
    check(h.get("X-Content-Type-Options") == "nosniff", "nosniff is set")
    st, _, body = s.get("/r/" + MEETING)
    check(st == 200 and "Francesc Pedro" in body and 'href="/r/people/francesc-pedro"' in body, "meeting page links its attendees")
    st, _, body = s.get("/r/people/francesc-pedro")
    check(st == 200 and "Affiliations over time" in body and "UNESCO-IESALC" in body, "person page is the dossier")
    st, _, body = s.get("/search?org=IESALC")
    check(st == 200 and "1 meeting" in body and "2024-09-02" in body, "search by organization")
    st, _, body = s.get("/search?org=IESALK")
    check(st == 400 and "did you mean" in body, "an unknown name is a clear error on the page")
    st, _, body = s.get("/search?text=competency+framework")
    check(st == 200 and "2 meetings" in body and "<mark>competency</mark>" in body and 'href="/api/search?' in body,
          "words are searched in the index, ranked, the words marked")
    st, _, body = s.get("/search?text=competency+framework&sort=-date")
    check(0 < body.find("2024-09-04-future") < body.find("2024-09-02-unesco"), "ranked hits can be shown newest first")
    st, _, body = s.get("/week?week=2024-W36")
    check(st == 200 and "2024-W36" in body, "the weekly briefing is served")
    for path, args in [("/api/meetings?org=IESALC&week=2024-W36", ["query", "--org", "IESALC", "--week", "2024-W36"]),
                       ("/api/records/people/francesc-pedro", ["show", "people/francesc-pedro"]),
                       ("/api/actions?state=all", ["actions", "--all"]),
                       ("/api/search?text=competency&org=UNESCO", ["search", "competency", "--type", "meetings", "--org", "UNESCO"])]:
        st, h, body = s.get(path)
        check(st == 200 and h.get("Content-Type", "").startswith("application/json")
              and json.loads(body) == cli_json(s.root, *args), "%s is the JSON of kb %s" % (path, " ".join(args)))
    st, _, body = s.get("/api/graph?around=" + urllib.parse.quote(MEETING, safe=""))
    g = json.loads(body)
    check(st == 200 and any(n["id"] == "people/francesc-pedro" for n in g["nodes"]), "the graph API gives a neighbourhood")
    st, _, body = s.get("/api/records/nope")
    check(st == 404 and "error" in json.loads(body), "an unknown id is a JSON 404")


def test_hostile(s):
    for path in ["/r/../../../../etc/passwd", "/assets/../../CMakeLists.txt", "/r/%2e%2e/%2e%2e/etc/passwd",
                 "/assets/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/assets/layout.html.mustache", "/..%2f..%2fetc%2fpasswd",
                 "/r/" + "../" * 50 + "etc/passwd", "/r/%00", "/api/records/..%2f..%2fkb.yaml"]:
        st, _, body = s.get(path)
        check(st in (400, 404) and "root:" not in body and "cmake_minimum_required" not in body, "no file outside the KB: " + path)
    for host in ["evil.example:%d" % s.port, "evil.example", "127.0.0.1:1", "localhost.evil.example:%d" % s.port]:
        st, _, _ = s.get("/", headers={"Host": host})
        check(st == 421, "foreign Host refused: " + host)
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
    c.putrequest("GET", "/", skip_host=True)
    c.endheaders()
    check(c.getresponse().status == 421, "a request without Host is refused")
    c.close()
    status = raw(s.port, b"GET /search?text=" + b"A" * (1 << 20) + b" HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % s.port)
    check(" 200 " not in status, "a 1 MB query string is refused (%s)" % status)
    status = raw(s.port, b"GARBAGE\r\n\r\n")
    check(" 200 " not in status, "a malformed request is refused (%s)" % status)
    st, _, _ = s.get("/")
    check(st == 200, "the server still answers after hostile requests")


def test_write_refused(s):
    form = urllib.parse.urlencode({"meeting": MEETING, "text": "x", "back": "/"}).encode()
    for headers, what in [({}, "without token"), ({"Cookie": "kb_token=" + "0" * 32}, "with a forged cookie")]:
        c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
        c.request("POST", "/actions/add", body=form, headers=dict(headers, **{"Content-Type": "application/x-www-form-urlencoded"}))
        r = c.getresponse()
        check(r.status == 403, "a change %s is refused (%d)" % (what, r.status))
        c.close()
    with open(s.note(MEETING + ".md"), encoding="utf-8") as f:
        check("- [ ] x\n" not in f.read(), "nothing was written")


def test_write_with_token(s):
    path = s.note(MEETING + ".md")
    form = {"meeting": MEETING, "text": "Send the minutes", "owner": "Francesc Pedró", "back": "/r/" + MEETING, "token": s.token}
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
    c.request("POST", "/actions/add", body=urllib.parse.urlencode(form), headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    text = open(path, encoding="utf-8").read()
    check(r.status == 303 and "- [ ] Send the minutes [[Francesc Pedro]]" in text, "an action is added with the token")
    line = text[: text.index("Send the minutes")].count("\n") + 1
    stale = {"meeting": MEETING, "line": str(line), "expect": "something else", "token": s.token, "back": "/"}
    c.request("POST", "/actions/done", body=urllib.parse.urlencode(stale), headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    check(r.status == 303 and "refused=" in r.getheader("Location", "") and "[x] Send" not in open(path, encoding="utf-8").read(),
          "a stale edit is refused with a message")
    done = dict(stale, expect="Send the minutes Francesc Pedro")  # the text as the page shows it
    c.request("POST", "/actions/done", body=urllib.parse.urlencode(done), headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    check(r.status == 303 and "- [x] Send the minutes [[Francesc Pedro]] \u2705 2024-09-04" in open(path, encoding="utf-8").read(),
          "an action is marked done in place")
    # The page the form was on comes back with its filters, and the message after them.
    st, _, body = s.get("/actions?org=IESALC&state=open", headers={"Cookie": "kb_token=" + s.token})
    m = re.search(r'name="back" value="([^"]*)"', body)
    back = html.unescape(m.group(1)) if m else ""
    check(back == "/actions?org=IESALC&state=open", "a form's way back keeps the page's filters (%r)" % back)
    stale["back"] = back
    c.request("POST", "/actions/done", body=urllib.parse.urlencode(stale), headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    check(r.getheader("Location", "").startswith("/actions?org=IESALC&state=open&refused="),
          "the redirect after a change keeps the filters (%r)" % r.getheader("Location", ""))
    c.close()


def test_audience():
    """kb serve --audience external serves no confidential meeting, nor a #confidential line."""
    a = Server(KB, os.path.join(SRC, "tests", "fixtures", "month"), extra=["--audience", "external"], today="2025-03-05")
    try:
        st, _, _ = a.get("/r/meetings/2025/2025-02-24-ministry")
        check(st == 404, "a confidential meeting is not served to an external audience (%d)" % st)
        st, _, body = a.get("/r/meetings/2025/2025-03-03-team-sync")
        check(st == 200 and "books the room" in body and "travel budget" not in body,
              "a #confidential action is left out of its meeting's page")
        st, _, body = a.get("/api/meetings?org=Ministry+of+Education")
        check(st == 200 and "2025-02-24-ministry" not in body, "nor is it in the API")
        st, _, body = a.get("/search?text=travel+budget")
        check(st == 200 and "0 meetings" in body, "a word of a #confidential line finds nothing (%d)" % st)
        st, _, _ = a.get("/api/search?text=travel")
        check(st == 404, "no full-text index is served to an audience (%d)" % st)
    finally:
        a.stop()


def test_long_lists_capped():
    """The home page shows 20 of each list of actions, a record's page 50 of its meetings and
    actions, and each links to all of them (at 100,000 notes the home page listed every overdue
    action, 24 MB of HTML in 10 s, and an organization's page all of its 45,000 meetings)."""
    with tempfile.TemporaryDirectory() as d:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
            with open(os.path.join(d, rel), "w") as f:
                f.write(text)
        write("kb.yaml", "name: Long lists\n")
        write("orgs/acme.md", "---\ntype: organization\nname: Acme\n---\n")
        lines = ["- [ ] Overdue task %02d due:2024-08-%02d" % (i, i + 1) for i in range(25)]
        lines += ["- [ ] Open task %02d" % i for i in range(30)]
        write("meetings/2024-08-01-many.md", "---\ntitle: Many\ndate: 2024-08-01\n---\n## Actions\n" + "\n".join(lines) + "\n")
        for i in range(55):
            write("meetings/acme-%02d.md" % i, "---\ntitle: Acme call %02d\ndate: 2024-07-%02d\norganizations: [Acme]\n"
                  "---\n## Actions\n- [ ] Acme task %02d\n" % (i, i % 28 + 1, i))
        a = Server(KB, d)
        try:
            st, _, body = a.get("/")
            opened = body.count("Open task") + body.count("Acme task")
            check(st == 200 and body.count("Overdue task") == 20 and opened == 20,
                  "the home page lists 20 overdue and 20 open actions (%d, %d)" % (body.count("Overdue task"), opened))
            check('<a href="/actions?overdue=1">All 25 overdue actions</a>' in body,
                  "and links to the 25 overdue ones")
            check('<a href="/actions">All 110 open actions</a>' in body, "and to all 110 open ones")
            st, _, body = a.get("/actions?overdue=1")
            check(st == 200 and body.count("Overdue task") == 25, "the link's page lists all 25")
            st, _, body = a.get("/r/orgs/acme")
            listed = body[body.find("<h2>Meetings</h2>"):].split("</section>")[0].count("Acme call")
            check(st == 200 and listed == 50 and body.count("Acme task") == 50,
                  "an organization's page lists 50 meetings and 50 actions (%d, %d)" % (listed, body.count("Acme task")))
            check("<dd>55 meetings</dd>" in body and '<a href="/search?org=Acme">All 55 meetings</a>' in body
                  and '<a href="/actions?org=Acme">All 55 open actions</a>' in body,
                  "counts all 55 and links to them")
            st, _, body = a.get("/search?org=Acme")
            check(st == 200 and body.count("Acme call") == 55, "the meetings link lists all 55")
        finally:
            a.stop()


def test_concurrent(s, clients=100, seconds=float(os.environ.get("KB_SERVE_STRESS_SECONDS", "4"))):
    paths = [("/api/meetings?org=IESALC", "2024-09-02-unesco-iesalc"), ("/r/" + MEETING, "Francesc Pedro"),
             ("/search?text=IESALC", "UNESCO-IESALC"), ("/api/records/people/francesc-pedro", "Francesc Pedro"),
             ("/", "This week")]
    errors, done = [], [0]
    lock = threading.Lock()
    stop_at = time.time() + seconds

    def client(i):
        c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        n = 0
        while time.time() < stop_at:
            path, want = paths[(i + n) % len(paths)]
            n += 1
            try:
                c.request("GET", path)
                r = c.getresponse()
                body = r.read().decode("utf-8")
                if r.status != 200 or want not in body:
                    with lock:
                        errors.append("%s: %d" % (path, r.status))
            except (OSError, http.client.HTTPException):
                c.close()  # a keep-alive connection the server closed: open another
                c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
                continue
            with lock:
                done[0] += 1
        c.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    check(not errors and done[0] > clients, "%d clients for %.0f s: %d answers, %d wrong" % (clients, seconds, done[0], len(errors)))
    st, _, _ = s.get("/")
    check(st == 200, "the server still answers after the load")


def test_live_edit(s):
    path = s.note(MEETING + ".md")
    text = open(path, encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("title: Bilateral meeting with UNESCO-IESALC", "title: Bilateral talks with IESALC, edited"))
    seen = False
    for _ in range(100):
        st, _, body = s.get("/api/records/" + MEETING)
        if st == 200 and json.loads(body)["title"] == "Bilateral talks with IESALC, edited":
            seen = True
            break
        time.sleep(0.1)
    check(seen, "an edit on disk shows without a restart")
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nZanzibarite tea was served.\n")
    found = False
    for _ in range(100):
        st, _, body = s.get("/search?text=zanzibarite")
        if st == 200 and "1 meeting" in body:
            found = True
            break
        time.sleep(0.1)
    check(found, "a word written on disk is found by the search without a restart")
    # An action's line links its owner and its meeting (members made as the page asks).
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n- [ ] Phone the rector [[Francesc Pedró]]\n")
    line = ""
    for _ in range(100):
        st, _, body = s.get("/actions")
        line = next((li for li in body.split("<li") if "Phone the rector" in li), "")
        if line:
            break
        time.sleep(0.1)
    check('<a href="/r/people/francesc-pedro">Francesc Pedro</a>' in line and 'href="/r/%s"' % MEETING in line,
          "an action added on disk links its owner and its meeting (%r)" % line[:300])
    os.remove(s.note("people/su-rui.md"))
    gone = False
    for _ in range(100):
        st, _, _ = s.get("/r/people/su-rui")
        if st == 404:
            gone = True
            break
        time.sleep(0.1)
    check(gone, "a deleted note is gone without a restart")


def main():
    s = Server(KB, RECORDS)
    try:
        test_pages_and_api(s)
        test_hostile(s)
        test_write_refused(s)
        test_concurrent(s)
        test_live_edit(s)
    finally:
        rc, err = s.stop()
    check(rc == 0, "kb serve stops cleanly on SIGTERM (exit %s)" % rc)
    w = Server(KB, RECORDS, write=True)
    try:
        check(bool(w.token), "--write prints a token")
        test_write_refused(w)
        test_write_with_token(w)
    finally:
        w.stop()
    test_audience()
    test_long_lists_capped()
    print("%d failed" % len(failures) if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
