#!/usr/bin/env python3
# A stand-in `fly` for tests (copied to <tmp>/fly and put first on PATH). Two modes:
#
# forward (default): the commands the flyctl backend runs, done against the Machines API at
#   $FLY_FLAPS_BASE_URL (logs at $FLY_API_BASE_URL) with $FLY_API_TOKEN, as flyctl would, and
#   printed in flyctl's shapes (fly-facts.md §5.2): JSON with a 4-space indent, logs as
#   concatenated pretty objects, errors as "Error: ..." on stderr with exit 1.
# replay ($FAKE_FLY_REPLIES set): the Nth call answers with the files <dir>/<N>.out, <N>.err,
#   <N>.code and <N>.sleep (seconds to hang first); a missing N replays the last one.
#
# Every call's argv is appended to $FAKE_FLY_DIR/argv.log, fields separated by \x1f.
import json, os, sys, time

argv = sys.argv[1:]
d = os.environ.get("FAKE_FLY_DIR", ".")
with open(os.path.join(d, "argv.log"), "a") as f:
    f.write("\x1f".join(argv) + "\n")


def replay(dirname):
    counter = os.path.join(dirname, "count")
    n = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
    open(counter, "w").write(str(n))
    with open(os.path.join(dirname, "%d.stdin" % n), "w") as f:
        f.write(sys.stdin.read())
    while n > 1 and not os.path.exists(os.path.join(dirname, "%d.code" % n)):
        n -= 1
    def part(ext, default=""):
        p = os.path.join(dirname, "%d.%s" % (n, ext))
        return open(p, encoding="utf-8", errors="surrogateescape").read() if os.path.exists(p) else default
    pause = float(part("sleep", "0") or 0)
    err = part("err")
    if pause:
        sys.stderr.write(err)
        sys.stderr.flush()
        time.sleep(pause)
        err = ""
    sys.stdout.write(part("out"))
    sys.stderr.write(err)
    sys.exit(int(part("code", "0") or 0))


if os.environ.get("FAKE_FLY_REPLIES"):
    replay(os.environ["FAKE_FLY_REPLIES"])

# forward mode only. One plain HTTP/1.0 exchange per call over a socket: the APIs are loopback http, and
# importing urllib (http.client, ssl, email) was most of a forwarding call's start-up
import socket


def fail(msg):
    sys.stderr.write("Error: %s (Request ID: 01JFAKEFLY-syd)\n" % msg)
    sys.exit(1)


class ApiError(Exception):
    def __init__(self, status, msg):
        super().__init__(msg)
        self.status = status


def quote(s):
    safe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    return "".join(c if c in safe else "".join("%%%02X" % b for b in c.encode()) for c in str(s))


def urlencode(q):
    return "&".join("%s=%s" % (quote(k), quote(v)) for k, v in q.items())


def http(method, url, headers, data):
    """The status and body of one HTTP/1.0 exchange: the server answers, then closes the connection."""
    if not url.startswith("http://"):
        fail("the fake fly speaks plain http only, not " + url)
    hostport, _, path = url[len("http://"):].partition("/")
    host, _, port = hostport.partition(":")
    lines = ["%s /%s HTTP/1.0" % (method, path), "Host: " + hostport, "Content-Length: %d" % len(data or b"")]
    lines += ["%s: %s" % kv for kv in headers.items()]
    with socket.create_connection((host, int(port or 80)), timeout=75) as conn:
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + (data or b""))
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body.decode()


def api(method, path, body=None, base=None):
    url = (base or os.environ["FLY_FLAPS_BASE_URL"]) + path
    token = os.environ.get("FLY_API_TOKEN", "")
    if not token:
        fail("no access token available. Please login with 'flyctl auth login'")
    scheme = "FlyV1 " if token.startswith(("fm1", "fm2")) else "Bearer "
    data = None if body is None else json.dumps(body).encode()
    status, text = http(method, url, {"Authorization": scheme + token, "Content-Type": "application/json"}, data)
    if status >= 400:
        try:
            msg = json.loads(text).get("error") or text
        except ValueError:
            msg = text or str(status)
        raise ApiError(status, msg)
    return json.loads(text) if text.strip() else {}


def out(obj):
    print(json.dumps(obj, indent=4))


def flags(args):
    """Positional words and --flag values (repeatable flags keep every value)."""
    words, opts = [], {}
    valued = {"-a", "--app", "--org", "--region", "-r", "--name", "-n", "--machine-config", "--state", "--wait-timeout", "-w",
              "--size", "-m", "--machine"}
    i = 0
    while i < len(args):
        a = args[i]
        if a in valued:
            opts.setdefault(a.lstrip("-"), []).append(args[i + 1])
            i += 2
            continue
        if a.startswith("-"):
            opts.setdefault(a.lstrip("-"), []).append(True)
        else:
            words.append(a)
        i += 1
    get = lambda *names: next((opts[n][-1] for n in names if n in opts), None)
    return words, get


def go_duration_seconds(s):
    for unit, mult in (("ms", 0.001), ("s", 1), ("m", 60)):
        if s.endswith(unit) and s[: -len(unit)].replace(".", "").isdigit():
            return float(s[: -len(unit)]) * mult
    return float(s)


def wait(app, mid, state, seconds):
    deadline = time.time() + seconds
    while True:
        left = max(1, min(60, int(deadline - time.time() + 0.999)))
        try:
            api("GET", "/v1/apps/%s/machines/%s/wait?state=%s&timeout=%d" % (app, mid, state, left))
            return
        except ApiError as e:
            if e.status != 408 or time.time() >= deadline:
                raise


def roll(app):
    """flyctl redeploys every Machine after a secrets change (fly-facts.md §5.2)."""
    for m in api("GET", "/v1/apps/%s/machines" % app):
        if m["state"] in ("destroyed", "destroying"):
            continue
        api("POST", "/v1/apps/%s/machines/%s" % (app, m["id"]), {"config": m["config"]})
        wait(app, m["id"], "started", 60)


def main():
    words, get = flags(argv)
    app = get("a", "app")
    cmd = " ".join(words[:2])
    try:
        if cmd == "apps create":
            a = api("POST", "/v1/apps", {"name": words[2], "org_slug": get("org")})
            a = api("GET", "/v1/apps/" + words[2]) if not a else a
            out({"ID": a.get("id", words[2]), "Name": a.get("name", words[2]), "Status": a.get("status", "pending"),
                 "Organization": {"Slug": a.get("organization", {}).get("slug", get("org"))}})
        elif cmd == "apps destroy":
            api("DELETE", "/v1/apps/%s?force=true" % words[2])
            print("Destroyed app %s" % words[2])
        elif words[:1] == ["status"]:
            try:
                a = api("GET", "/v1/apps/" + app)
            except ApiError as e:
                if e.status == 404:
                    fail('Could not find App "%s"' % app)
                raise
            org = a.get("organization", {})
            out({"AppURL": "", "Deployed": True, "Hostname": app + ".fly.dev", "ID": app, "Machines": [],
                 "Name": a["name"], "Organization": {"ID": org.get("slug", ""), "InternalNumericID": "0", "Name": org.get("name", ""),
                 "Slug": org.get("slug", ""), "RawSlug": org.get("slug", ""), "PaidPlan": False},
                 "PlatformVersion": "machines", "Status": a.get("status", ""), "Version": 0})
        elif cmd in ("machine list", "machine ls"):
            try:
                out(api("GET", "/v1/apps/%s/machines" % app))
            except ApiError as e:
                fail("failed to list VMs: %s" % e)
        elif cmd == "machine run":
            config = json.load(open(get("machine-config")))
            config["image"] = words[2]
            body = {"config": config}
            if get("name"):
                body["name"] = get("name")
            if get("region", "r"):
                body["region"] = get("region", "r")
            m = api("POST", "/v1/apps/%s/machines" % app, body)
            print("Success! A Machine has been successfully launched in app %s, waiting for it to be started" % app)
            print(" Machine ID: %s" % m["id"])
            print(" Instance ID: %s" % m.get("instance_id", ""))
            print(" State: %s" % m["state"])
            wait(app, m["id"], "started", 300)
            print("Machine started, you can connect via the following private ip")
            print("  %s" % m.get("private_ip", ""))
        elif cmd == "machine update":
            config = json.load(open(get("machine-config")))
            api("POST", "/v1/apps/%s/machines/%s" % (app, words[2]), {"config": config})
            print("Machine %s updated successfully!" % words[2])
        elif cmd == "machine start":
            for mid in words[2:]:
                try:
                    api("POST", "/v1/apps/%s/machines/%s/start" % (app, mid))
                except ApiError as e:
                    fail("could not start machine %s: %s" % (mid, e))
                print("%s has been started" % mid)
        elif cmd == "machine stop":
            for mid in words[2:]:
                print("Sending kill signal to machine %s..." % mid)
                api("POST", "/v1/apps/%s/machines/%s/stop" % (app, mid), {})
                wait(app, mid, "stopped", 30)
                print("%s has been successfully stopped" % mid)
        elif cmd == "machine suspend":
            for mid in words[2:]:
                api("POST", "/v1/apps/%s/machines/%s/suspend" % (app, mid))
                print("%s has been successfully suspended" % mid)
        elif cmd == "machine destroy":
            mid = words[2]
            m = api("GET", "/v1/apps/%s/machines/%s" % (app, mid))
            print("machine %s was found and is currently in %s state, attempting to destroy..." % (mid, m["state"]))
            api("DELETE", "/v1/apps/%s/machines/%s?force=%s" % (app, mid, "true" if get("force") else "false"))
            print("%s has been destroyed" % mid)
        elif cmd == "machine wait":
            mid, state, timeout = words[2], get("state") or "settled", get("wait-timeout", "w") or "5m"
            try:
                api("GET", "/v1/apps/%s/machines/%s" % (app, mid))
            except ApiError as e:
                fail("could not get machine %s: %s" % (mid, e))
            print("Waiting up to %s for machine %s to reach \"%s\"..." % (timeout, mid, state))
            try:
                wait(app, mid, state, go_duration_seconds(timeout))
            except ApiError as e:
                fail("machine %s did not reach \"%s\" within %s: %s" % (mid, state, timeout, e))
            print("Machine %s reached state \"%s\"" % (mid, state))
        elif cmd == "secrets import":
            values = {}
            for line in sys.stdin.read().splitlines():
                if "=" in line:
                    k, v = line.split("=", 1)
                    values[k.strip()] = v
            api("POST", "/v1/apps/%s/secrets" % app, {"values": values})
            roll(app)
        elif cmd == "secrets unset":
            api("POST", "/v1/apps/%s/secrets" % app, {"values": {k: None for k in words[2:]}})
            roll(app)
        elif cmd == "secrets list":
            out([{"name": s["name"], "digest": s["digest"], "created_at": s.get("created_at", "")}
                 for s in api("GET", "/v1/apps/%s/secrets" % app).get("secrets", [])])
        elif cmd in ("volumes create", "volume create"):
            out(api("POST", "/v1/apps/%s/volumes" % app, {"name": words[2], "region": get("region", "r"), "size_gb": int(get("size"))}))
        elif cmd in ("volumes list", "volume list"):
            out(api("GET", "/v1/apps/%s/volumes" % app))
        elif cmd == "certs add":
            out(api("POST", "/v1/apps/%s/certificates/acme" % app, {"hostname": words[2]}))
        elif words[:1] == ["logs"]:
            base, token, mid = os.environ["FLY_API_BASE_URL"], "", get("m", "machine")
            while True:
                q = {"next_token": token}
                if mid:
                    q["instance"] = mid
                page = api("GET", "/api/v1/apps/%s/logs?%s" % (app, urlencode(q)), base=base)
                for e in page.get("data", []):
                    a = e.get("attributes", {})
                    out({k: a.get(k, "") for k in ("level", "instance", "message", "region", "timestamp")})
                following = page.get("meta", {}).get("next_token", "")
                if not page.get("data") or not following or following == token:
                    break
                token = following
        else:
            sys.stderr.write('Error: unknown command "%s" for "flyctl"\n' % " ".join(words))
            sys.exit(1)
    except ApiError as e:
        fail(str(e))


main()
