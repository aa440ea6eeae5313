package io.artifact.flyemu.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.nfs.ImageRecord;
import java.util.Map;

/**
 * The create-Machine body exec sends for a worker (stack-contract.md §3.5), DOC where §8 lists a gap:
 * Fly Proxy reads autostop from each Machine's own services, so the worker pool's service defaults
 * (G15: suspend, autostart, none kept running; as fly.host-*.toml declare, §4.1) reach exec-created
 * Machines only through this body (G13). For a suspend to happen at all the Machine must be
 * suspendable (fly-facts.md §8.3: no swap, else Fly stops it instead), and a stopped worker must
 * survive to be started again (E2E.md Phase 4), so neither IMPL's 2 GB swap nor auto_destroy is set.
 */
final class WorkerMachineConfig {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerMachineConfig() {}

  static ObjectNode body(String computer, ImageRecord record, Map<String, String> env) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode config = body.putObject("config");
    config.put("auto_destroy", false);
    config.putObject("restart").put("policy", "no");
    config.putObject("guest").put("cpu_kind", record.cpuKind()).put("cpus", record.cpus()).put("memory_mb", record.memoryMb());
    config.put("image", record.image());
    config.putObject("metadata").put("fly_platform_version", "standalone").put("dc_computer_id", computer);
    ObjectNode e = config.putObject("env");
    env.forEach(e::put);
    ArrayNode services = config.putArray("services");
    ArrayNode control = service(services);
    port(control, 442, "tls", "http");
    ArrayNode view = service(services);
    port(view, 80, "http").put("force_https", true);
    port(view, 443, "tls", "http");
    ObjectNode broad = service(services).addObject().put("start_port", 1024).put("end_port", 65534);
    broad.putArray("handlers").add("tls").add("http");
    return body;
  }

  private static ArrayNode service(ArrayNode services) {
    return services.addObject().put("protocol", "tcp").put("internal_port", 8080)
        .put("autostop", "suspend").put("autostart", true).put("min_machines_running", 0).putArray("ports");
  }

  private static ObjectNode port(ArrayNode ports, int port, String... handlers) {
    ObjectNode p = ports.addObject().put("port", port);
    ArrayNode h = p.putArray("handlers");
    for (String handler : handlers) h.add(handler);
    return p;
  }
}
