package io.artifact.e2e.flyctl;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How a flyctl call reads in messages and transcripts: {@code fly ssh console -a app -C "ls /data"}. */
final class CommandLine {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private CommandLine() {}

  static String shown(List<String> args) {
    return "fly " + args.stream().map(CommandLine::word).collect(Collectors.joining(" "));
  }

  private static String word(String arg) {
    if (PLAIN.matcher(arg).matches()) return arg;
    return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** {@code 20s}, or {@code 1500ms} when not whole seconds. */
  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
