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
