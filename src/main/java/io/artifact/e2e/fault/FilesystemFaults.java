package io.artifact.e2e.fault;

import io.artifact.e2e.nfs.NfsLayout;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Filesystem drift (runbook Phase 4: "remove or alter {@code computers/<id>/exec/*.json} entries to
 * force reconciliation"), through the {@link FaultRecord}: the instance file is removed, truncated to
 * nothing, or corrupted (cut mid-way with garbage after it, a half-written file). The undo writes
 * back exactly the bytes that were there (or removes what the fault left if there were none).
 */
public final class FilesystemFaults {

  /** The kinds of drift, by the word a feature uses for them. */
  public enum Drift {
    REMOVED, TRUNCATED, CORRUPTED;

    public static Drift of(String word) {
      return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(word.strip())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no drift '" + word + "'; known: removed, truncated, corrupted"));
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ScenarioWorld world;

  public FilesystemFaults(ScenarioWorld world) {
    this.world = world;
  }

  public FaultRecord.Fault drift(String computer, String agent, Drift drift) {
    NfsPort nfs = world.nfs();
    String file = NfsLayout.instanceFile(computer, agent);
    Optional<String> prior = nfs.readInstanceText(computer, agent);
    return world.faultRecord().inject("instance file " + file + " " + drift.word() + " behind exec's back", world.slice().nfsApp() + " share",
        prior.isPresent() ? "write back its prior " + prior.get().length() + " bytes" : "remove what the fault left (there was no file)", () -> {
          if (prior.isPresent()) nfs.writeInstanceText(computer, agent, prior.get());
          else nfs.removeInstance(computer, agent);
        }, () -> {
          switch (drift) {
            case REMOVED -> nfs.removeInstance(computer, agent);
            case TRUNCATED -> nfs.writeInstanceText(computer, agent, "");
            case CORRUPTED -> nfs.writeInstanceText(computer, agent, corrupt(prior.orElse("{}")));
          }
        });
  }

  /** The first half of the file and then bytes no JSON parser takes: what an interrupted write leaves. */
  static String corrupt(String content) {
    return content.substring(0, content.length() / 2) + "\u0000\u00ff<<corrupted by the e2e suite>>";
  }
}
