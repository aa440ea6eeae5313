package io.artifact.flyemu.mcp.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size such as {@code shared-cpu-1x@1024MB} (stack-contract.md §6.2; the mapping is ours):
 * cpu kind, vCPUs and memory, which Fly wants in multiples of 256 MB.
 */
record MachineSize(String cpuKind, int cpus, int memoryMb) {

  static final String PATTERN = "^(shared|performance)-cpu-[1-9][0-9]*x(@[1-9][0-9]*MB)?$";
  private static final Pattern PARSE = Pattern.compile("(shared|performance)-cpu-(\\d+)x(?:@(\\d+)MB)?");

  static MachineSize parse(String size) {
    Matcher m = PARSE.matcher(size);
    if (!m.matches()) throw ToolException.invalid("size: '" + size + "' is not like shared-cpu-1x@1024MB");
    int cpus = Integer.parseInt(m.group(2));
    boolean shared = m.group(1).equals("shared");
    int memory = m.group(3) != null ? Integer.parseInt(m.group(3)) : cpus * (shared ? 256 : 2048);
    if (memory % 256 != 0) throw ToolException.invalid("size: memory " + memory + "MB is not a multiple of 256MB");
    return new MachineSize(m.group(1), cpus, memory);
  }

  ObjectNode guest() {
    return JsonNodeFactory.instance.objectNode().put("cpu_kind", cpuKind).put("cpus", cpus).put("memory_mb", memoryMb);
  }
}
