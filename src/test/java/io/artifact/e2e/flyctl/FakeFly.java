package io.artifact.e2e.flyctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in {@code fly} written to a temp dir: records its argv and the token it was given,
 * answers in flyctl's shapes (fly-facts.md §5.1, §11) and, for {@code ssh console -C}, runs the
 * command the way hallpass does (split shell-style, executed without a shell) on this machine.
 * {@code FAKE_FLY_MODE} picks a misbehaviour: hang, fail, leak (stderr echoes the token), garbage,
 * never-open (a proxy that never listens), exit-early, exec-error (the proxied exec answers 500).
 */
final class FakeFly {

  static final String TOKEN = "e2e-test-token-7c41d9aa0b";

  private static final String SCRIPT = """
      #!/usr/bin/env bash
      d="$FAKE_FLY_DIR"
      { printf '%s\\x1f' "$@"; printf '\\n'; } >> "$d/argv.log"
      printf '%s' "${FLY_API_TOKEN:-}" > "$d/token.seen"
      mode="${FAKE_FLY_MODE:-ok}"
      cmd=""; prev=""
      for a in "$@"; do [ "$prev" = "-C" ] && cmd="$a"; prev="$a"; done
      case "$mode" in
        hang) sleep 30 & echo $! >> "$d/pids"; echo $$ >> "$d/pids"; wait; exit 0;;
        fail) echo "Error: app not found (Request ID: 01JDF2Q7ZK-syd) (Trace ID: 4bf92f3577b34da6)" >&2; exit 1;;
        leak) echo "Error: not authorized: token $FLY_API_TOKEN has no access to org personal" >&2; exit 1;;
        garbage) printf '\\033[2K\\rhallpass v2 \\x01\\xfe{ not: json\\n'; exit 0;;
      esac
      if [ "$1" = proxy ]; then
        port="${2%%:*}"
        case "$mode" in
          never-open) echo $$ >> "$d/pids"; exec sleep 30;;
          exit-early) echo "Error: app org1-fly-exec has no started VMs" >&2; exit 1;;
        esac
        %PY% - "$port" "$d/exec.log" > /dev/null 2>&1 <<'PY' &
      import http.server, json, os, sys
      class H(http.server.BaseHTTPRequestHandler):
          def do_POST(self):
              open(sys.argv[2], 'a').write(self.command + ' ' + self.path + '\\n')
              status, body = 404, b'404 Not Found'
              if self.path.startswith('/changed/'):
                  status, body = 200, json.dumps({'changeCount': 1}).encode()
              if os.environ.get('FAKE_FLY_MODE') == 'exec-error':
                  status, body = 500, b'Internal Server Error'
              self.send_response(status)
              self.send_header('Content-Length', str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
      PY
        echo $! >> "$d/pids"; echo $$ >> "$d/pids"
        echo "Proxying local port $port to remote [${3:-app.internal}]:${2#*:}"
        cat > /dev/null   # --watch-stdin: the proxy ends when stdin closes
        kill $!; wait; exit 0
      fi
      if [ "$1 $2" = "ssh console" ] && [ -n "$cmd" ]; then
        exec %PY% -c 'import os, shlex, sys; a = shlex.split(sys.argv[1]); os.execvp(a[0], a)' "$cmd"
      fi
      echo "Error: unknown command \\"$1\\" for \\"flyctl\\"" >&2; exit 1
      """;

  final Path dir;

  FakeFly(Path dir) throws IOException {
    this.dir = dir;
    Executables.write(dir.resolve("fly"), SCRIPT.replace("%PY%", Python3.command()));
  }

  /** The child environment: the fake first on PATH, the token where flyctl reads it. */
  Map<String, String> env(String mode) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("FLY_ACCESS_TOKEN");
    env.put("PATH", dir + ":" + System.getenv("PATH"));
    env.put("FLY_API_TOKEN", TOKEN);
    env.put("FAKE_FLY_DIR", dir.toString());
    env.put("FAKE_FLY_MODE", mode);
    return env;
  }

  /** Every call's argv, in order. */
  List<List<String>> calls() throws IOException {
    return Files.readAllLines(dir.resolve("argv.log")).stream()
        .map(l -> Arrays.asList(l.split("\u001f"))).toList();
  }

  String tokenSeen() throws IOException {
    return Files.readString(dir.resolve("token.seen"));
  }

  /** Pids the fake and its children wrote down. */
  List<Long> pids() throws IOException {
    Path f = dir.resolve("pids");
    return Files.exists(f) ? Files.readAllLines(f).stream().map(String::strip).map(Long::parseLong).toList() : List.of();
  }

  /** Fake processes still running: by recorded pid, and by any JVM descendant started from the fake's dir. */
  List<String> leftovers() throws IOException {
    List<String> alive = new java.util.ArrayList<>(pids().stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive)
        .orElse(false)).map(p -> "pid " + p).toList());
    ProcessHandle.current().descendants()
        .filter(h -> h.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
        .forEach(h -> alive.add(h.pid() + " " + h.info().commandLine().orElse("")));
    return alive;
  }
}
