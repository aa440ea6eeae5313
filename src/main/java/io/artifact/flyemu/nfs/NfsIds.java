package io.artifact.flyemu.nfs;

import java.util.Locale;
import java.util.regex.Pattern;

/** Computer and agent ids as path segments: lowercased (stack-contract.md §1.2), never a path trick. */
final class NfsIds {

  private static final Pattern SAFE = Pattern.compile("[a-z0-9_][a-z0-9_-]*");

  private NfsIds() {}

  static boolean valid(String id) {
    return id != null && SAFE.matcher(id.toLowerCase(Locale.ROOT)).matches();
  }

  static String require(String kind, String id) {
    if (!valid(id)) throw new LayoutException("illegal " + kind + " id '" + id + "'");
    return id.toLowerCase(Locale.ROOT);
  }
}
