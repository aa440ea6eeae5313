package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fly as the suite needs it: apps, Machines, secrets, volumes, certificates and bounded logs.
 * The same port talks to the embedded platform and to {@code https://api.machines.dev};
 * failures are {@link FlyApiException}s that say which operation, app, Machine and status.
 */
public interface FlyPort {

  AppInfo createApp(String name, String org);

  Optional<AppInfo> findApp(String name);

  /**
   * The org's apps, as {@code GET /v1/apps?org_slug=} lists them: what an orphan sweep walks. A
   * backend that cannot list them says so (the sweep then names the backend).
   */
  default List<AppInfo> listApps(String org) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list an org's apps");
  }

  /** Deletes the app and everything in it (force); a missing app is not an error. */
  void destroyApp(String name);

  List<MachineInfo> listMachines(String app);

  MachineInfo machine(String app, String machineId);

  MachineInfo createMachine(String app, MachineSpec spec);

  /** Replaces the Machine's config (image, env, …): a new version that boots with it. */
  MachineInfo updateMachine(String app, String machineId, MachineSpec spec);

  /**
   * Updates a Machine with a whole config as Fly reported it: how a change patches one field of the
   * config a shared Machine already has (and how it is put back), instead of replacing it.
   */
  MachineInfo updateMachineConfig(String app, String machineId, JsonNode config);

  void startMachine(String app, String machineId);

  void stopMachine(String app, String machineId);

  void suspendMachine(String app, String machineId);

  void destroyMachine(String app, String machineId, boolean force);

  /** Waits until the Machine is in {@code state}, within {@code bound} (looping over Fly's 60 s wait cap). */
  MachineInfo awaitState(String app, String machineId, String state, Duration bound);

  /** Sets and (with null values) unsets app secrets, then rolls the app's Machines as {@code fly secrets set} does. */
  void setSecrets(String app, Map<String, String> values);

  List<String> secretNames(String app);

  /** Secret name → digest, as Fly lists them (values are never read back). */
  Map<String, String> secretDigests(String app);

  VolumeInfo createVolume(String app, String name, String region, int sizeGb);

  List<VolumeInfo> listVolumes(String app);

  void addCertificate(String app, String hostname);

  /** At most {@code max} recent log lines of the app (or one Machine), oldest first; never tails. */
  List<LogLine> logs(String app, String machineId, int max);
}
