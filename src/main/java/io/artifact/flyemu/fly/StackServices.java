package io.artifact.flyemu.fly;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the embedded platform offers to the programs it runs (private network client, NFS mounts,
 * the Clerk issuer, the Machines API address, …), keyed by type so stack components can add their
 * own without the platform knowing them.
 */
public final class StackServices {

  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

  public <T> StackServices register(Class<T> type, T service) {
    services.put(type, service);
    return this;
  }

  public <T> T get(Class<T> type) {
    Object s = services.get(type);
    if (s == null) throw new IllegalStateException("embedded stack service not started: " + type.getSimpleName());
    return type.cast(s);
  }

  public boolean has(Class<?> type) {
    return services.containsKey(type);
  }
}
