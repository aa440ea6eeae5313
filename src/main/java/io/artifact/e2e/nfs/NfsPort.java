package io.artifact.e2e.nfs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared NFS volume as ops see it (stack-contract.md §1.2): computers, their agents, the
 * instance files exec reconciles, and the image records agents are started from. The local
 * adapter works on the embedded stack's export; a {@code fly ssh} adapter serves real targets.
 */
public interface NfsPort {

  /** Seeds a release record, e.g. {@code host-coder}; where it lives is the stack's DOC layout. */
  void publishImageRecord(String name, Map<String, Object> record);

  /**
   * The release manifest {@code images/<name>.json} exactly as it is on the volume, if there is one:
   * what a release replaces, kept to put it back (AGENT-030).
   */
  default Optional<String> imageRecordText(String name) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not read release manifests");
  }

  /**
   * Writes a release manifest exactly as given, as a release step would — including text that is
   * not a valid record, which exec must reject (AGENT-030 unhappy rows), and a restored original.
   */
  default void publishImageRecordText(String name, String text) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not write release manifests");
  }

  /** Removes a release manifest: the restore when a scenario published one where there was none. */
  default void removeImageRecord(String name) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not remove release manifests");
  }

  /** Creates {@code agents/}, {@code exec/} and {@code repos/} for the computer. */
  void createComputer(String computer);

  /** Creates the agent's folder ({@code home/}, {@code workspace/}, {@code agent.toml}). */
  void createAgent(String computer, String agent);

  /** Computers on the volume (image records excluded). */
  List<String> computers();

  /** Agents with an instance file. */
  List<String> instances(String computer);

  Optional<InstanceFile> readInstance(String computer, String agent);

  void writeInstance(String computer, String agent, InstanceFile instance);

  /** Removes a computer the run created, with everything under it (Phase 5); a missing one is fine. */
  void removeComputer(String computer);
}
