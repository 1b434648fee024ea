#!/usr/bin/env python3
"""What a new user does, checked: ./run.sh in a terminal, wait until every resource is healthy, place an order
through the gateway, look at the Aspire dashboard in Debian's chromium (screenshots of the resources and of the
order's trace), then stop the app the way chosen and count the processes left behind.

Usage: eng/smoke/smoke.py [--stop ctrl-c|sigterm|sigkill] [--no-browser] [--out DIR]
Exit code 0 only when everything was healthy, the order was Paid and no process of the app survived 15 s.

./run.sh runs in a pseudo-terminal of its own, so Ctrl+C is the real thing: the byte 0x03 typed into the terminal,
which the kernel turns into SIGINT for the foreground process group. Processes are found through /proc only:
the AppHost's descendants plus the DCP processes that detached and watch it (--monitor <pid>), and theirs.
"""
import argparse
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import secrets
import urllib.parse
import urllib.request
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HEALTHY = re.compile(r"All (\d+) resources are healthy, ([\d.]+) s after the AppHost started")
LOGIN = re.compile(r"Login to the dashboard at (http://\S+)")
# The password grant's test client exists only when this is set (README, "Signing in"); the run's own secrets.
TEST_SECRET = secrets.token_hex(16)
BUYER_PASSWORD = "Smoke-" + secrets.token_hex(12)


def processes():
    table = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            table[int(pid)] = (ppid, cmd)
        except (OSError, IndexError, ValueError):
            pass
    return table


def family(root):
    table = processes()
    roots = {root} | {p for p, (_, cmd) in table.items() if f"--monitor {root}" in cmd}
    found, frontier = set(roots), list(roots)
    while frontier:
        current = frontier.pop()
        for pid, (ppid, _) in table.items():
            if ppid == current and pid not in found:
                found.add(pid)
                frontier.append(pid)
    return {pid: table[pid][1] for pid in found if pid in table}


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def environ(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        return dict(e.split("=", 1) for e in f.read().decode(errors="replace").split("\0") if "=" in e)


def service_url(members, assembly):
    pid = next(p for p, cmd in members.items() if f"/{assembly}.dll" in cmd or f"/{assembly} " in cmd)
    return environ(pid)["ASPNETCORE_URLS"].split(";")[0]


def http(method, url, body=None, headers=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sign_in(identity, password):
    """The README's walk-through: the demo buyer's token by the test client's password grant."""
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "test-client", "client_secret": TEST_SECRET,
                                   "username": "buyer", "password": password, "scope": "api profile roles"}).encode()
    request = urllib.request.Request(f"{identity}/connect/token", data=form, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["access_token"]


def place_order(gateway, token, trace_id):
    auth = {"Authorization": f"Bearer {token}"}
    status, page = http("GET", f"{gateway}/api/catalog/items?pageSize=20")
    product = next(p for p in json.loads(page)["data"] if p["availableStock"] > 0)
    status, body = http("POST", f"{gateway}/api/basket/items", {"productId": product["id"], "quantity": 1}, auth)
    if status >= 300:
        raise SystemExit(f"adding to the basket answered {status}: {body[:300]}")
    traceparent = f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"
    deadline = time.time() + 60
    while True:
        status, body = http("POST", f"{gateway}/api/basket/checkout", headers={"traceparent": traceparent, **auth})
        if status < 300 or time.time() > deadline:
            break
        time.sleep(1)
    if status >= 300:
        raise SystemExit(f"checkout answered {status}: {body[:300]}")
    order_id = json.loads(body)["orderId"]
    while time.time() < deadline:
        status, body = http("GET", f"{gateway}/api/orders/{order_id}", headers=auth)
        order = json.loads(body) if status == 200 else {}
        if order.get("status") in ("Paid", "Cancelled"):
            return order_id, order["status"]
        time.sleep(0.5)
    return order_id, "not final after 60 s"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stop", choices=["ctrl-c", "sigterm", "sigkill"], default="ctrl-c")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--out", default=os.path.join(REPO, "TestResults", "smoke"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    started = time.time()
    pid, terminal = pty.fork()
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background shell ignores SIGINT; a terminal does not
        os.chdir(REPO)
        os.environ["Identity__Test__Secret"] = TEST_SECRET
        os.execvp("./run.sh", ["./run.sh", f"--Parameters:identity-buyer-password={BUYER_PASSWORD}"])
    output, healthy, login = b"", None, None
    while healthy is None and time.time() - started < 600:
        ready, _, _ = select.select([terminal], [], [], 1)
        if ready:
            try:
                output += os.read(terminal, 65536)
            except OSError:
                break
        text = output.decode(errors="replace")
        login = login or (LOGIN.search(text).group(1) if LOGIN.search(text) else None)
        match = HEALTHY.search(text)
        healthy = (int(match.group(1)), float(match.group(2))) if match else None
    with open(os.path.join(args.out, "run.sh.log"), "wb") as f:
        f.write(output)
    ok = healthy is not None
    print(f"./run.sh: {'all %d resources healthy %.1f s after the AppHost started' % healthy if ok else 'never all healthy'}"
          f" ({time.time() - started:.1f} s including the build)")

    members = family(pid)
    print(f"processes of the app: {len(members)}")
    if ok:
        gateway = service_url(members, "Gateway")
        token = sign_in(service_url(members, "Identity.Api"), BUYER_PASSWORD)
        trace_id = uuid.uuid4().hex
        order_id, status = place_order(gateway, token, trace_id)
        print(f"order {order_id} through the gateway {gateway}: {status}; trace {trace_id}")
        ok = ok and status == "Paid"
        if not args.no_browser and login:
            time.sleep(3)  # one export interval of the services' OTLP batch exporters
            result = subprocess.run(["node", os.path.join(os.path.dirname(__file__), "dashboard.mjs"), login, trace_id, args.out],
                                    capture_output=True, text=True, timeout=180)
            print(result.stdout.strip() or result.stderr.strip()[-2000:])
            ok = ok and result.returncode == 0

    members = family(pid)
    stopped = time.time()
    if args.stop == "ctrl-c":
        os.write(terminal, b"\x03")
    else:
        os.kill(pid, signal.SIGTERM if args.stop == "sigterm" else signal.SIGKILL)
    survivors, reaped = members, False
    while survivors and time.time() - stopped < 15:
        time.sleep(0.1)
        # Reap ./run.sh as its shell would: DCP watches that PID, and a zombie still looks alive to it.
        if not reaped:
            try:
                reaped = os.waitpid(pid, os.WNOHANG)[0] == pid
            except ChildProcessError:
                reaped = True
        survivors = {p: c for p, c in survivors.items() if alive(p)}
    gone = time.time() - stopped
    print(f"stop by {args.stop}: {len(members) - len(survivors)} of {len(members)} processes gone in {gone:.1f} s; "
          f"survivors after 15 s: {len(survivors)}")
    for p, cmd in survivors.items():
        print(f"  survivor {p}: {cmd[:160]}")
        os.kill(p, signal.SIGKILL)
    if not reaped:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return 0 if ok and not survivors else 1


if __name__ == "__main__":
    sys.exit(main())
