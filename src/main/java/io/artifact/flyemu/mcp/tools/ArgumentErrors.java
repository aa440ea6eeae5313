package io.artifact.flyemu.mcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the SDK validator's message ({@code ... errors: [/region: does not match ...]}) into
 * one line per field, each starting with the field's name, so a caller sees what to fix.
 */
final class ArgumentErrors {

  private static final Pattern REQUIRED = Pattern.compile("^/?([\\w/]*): required property '([^']+)' not found$");
  private static final Pattern EXTRA = Pattern.compile("^/?([\\w/]*): property '([^']+)' is not defined in the schema.*$");
  private static final Pattern AT_FIELD = Pattern.compile("^/([^:]+): (.*)$");

  private ArgumentErrors() {}

  static String describe(String validatorMessage) {
    int open = validatorMessage.indexOf("errors: [");
    String inner = open < 0 ? validatorMessage
        : validatorMessage.substring(open + "errors: [".length(), validatorMessage.lastIndexOf(']'));
    List<String> out = new ArrayList<>();
    for (String part : inner.split(", (?=/|:)")) out.add(field(part.trim()));
    return String.join("; ", out);
  }

  private static String field(String e) {
    Matcher m = REQUIRED.matcher(e);
    if (m.matches()) return path(m.group(1), m.group(2)) + ": is required";
    m = EXTRA.matcher(e);
    if (m.matches()) return path(m.group(1), m.group(2)) + ": is not an argument of this tool";
    m = AT_FIELD.matcher(e);
    if (m.matches()) return m.group(1).replace('/', '.') + ": " + m.group(2);
    return e;
  }

  private static String path(String parent, String name) {
    return parent.isEmpty() ? name : parent.replace('/', '.') + "." + name;
  }
}
