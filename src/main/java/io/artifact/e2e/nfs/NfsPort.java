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

  // Filesystem drift (runbook Phase 4): the instance file as bytes, so a fault can alter it and its
  // undo put back exactly what was there. Defaults refuse, for adapters that cannot do it.

  /** The instance file's content as it is (valid or not); empty if there is none. */
  default Optional<String> readInstanceText(String computer, String agent) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot read raw instance files");
  }

  /** Replaces the instance file with {@code content}, whatever it is, atomically (temp sibling, rename). */
  default void writeInstanceText(String computer, String agent, String content) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write raw instance files");
  }

  /** Removes the instance file; false if there was none. */
  default boolean removeInstance(String computer, String agent) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot remove instance files");
  }
}
