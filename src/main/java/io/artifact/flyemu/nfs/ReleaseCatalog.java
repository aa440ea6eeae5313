package io.artifact.flyemu.nfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The releases of agent images as one reader of {@code computers/images/<name>.json} has seen them
 * (stack-contract.md §5 DOC, §8 G16–G17): a release step rewrites the manifest, and the newest
 * content that passes {@link ReleaseManifest} is the release new agents start on. A malformed
 * manifest is rejected — reported once per content, naming the file and the field — and the
 * previous valid release stays current, so a bad release never takes new agents down with it. A
 * release whose image turns out not to be pullable can be rejected the same way. What was seen is
 * kept in memory: a reader started while the manifest is malformed has no earlier release to keep.
 */
public final class ReleaseCatalog {

  /** Told about each rejection, with the release new agents keep instead (if any). */
  @FunctionalInterface
  public interface Rejections {
    void rejected(String file, List<ReleaseManifest.Problem> problems, Optional<ImageRecord> keeping);
  }

  public static final Rejections SILENT = (file, problems, keeping) -> {};
  private static final int KEEP = 8;

  private record Accepted(String key, ImageRecord record) {}

  private static final class Versions {
    String lastKey;
    final Deque<Accepted> accepted = new ArrayDeque<>();
  }

  private final NfsRoot root;
  private final Rejections rejections;
  private final Map<String, Versions> names = new HashMap<>();

  public ReleaseCatalog(NfsRoot root, Rejections rejections) {
    this.root = root;
    this.rejections = rejections;
  }

  /** {@code computers/images/<name>.json}: how the docs name the file (G16); ROOT is the share {@code /data/computers}. */
  public static String file(String name) {
    return "computers/" + ImageRecords.DIR + "/" + name + ".json";
  }

  /** The newest valid release of {@code name}, after looking at its manifest again. */
  public synchronized Optional<ImageRecord> newest(String name) {
    Versions v = names.computeIfAbsent(NfsIds.require("image", name), k -> new Versions());
    Optional<byte[]> content = read(name);
    if (content.isPresent()) {
      String key = key(content.get());
      if (!key.equals(v.lastKey)) {
        v.lastKey = key;
        ReleaseManifest.Verdict verdict = ReleaseManifest.judge(content.get());
        if (verdict.ok()) {
          v.accepted.removeIf(a -> a.key().equals(key));
          v.accepted.addFirst(new Accepted(key, verdict.record()));
          while (v.accepted.size() > KEEP) v.accepted.removeLast();
        } else {
          rejections.rejected(file(name), verdict.problems(), current(v));
        }
      }
    }
    return current(v);
  }

  /** The record's image cannot be pulled: its release is rejected; true when an older one is left to use. */
  public synchronized boolean rejectImage(String name, ImageRecord record, String why) {
    Versions v = names.get(NfsIds.require("image", name));
    if (v == null || !v.accepted.removeIf(a -> a.record().equals(record))) return false;
    rejections.rejected(file(name), List.of(new ReleaseManifest.Problem("image", why)), current(v));
    return !v.accepted.isEmpty();
  }

  private static Optional<ImageRecord> current(Versions v) {
    return Optional.ofNullable(v.accepted.peekFirst()).map(Accepted::record);
  }

  private Optional<byte[]> read(String name) {
    Path file = root.path().resolve(ImageRecords.DIR).resolve(name + ".json");
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LayoutException("cannot read " + file(name) + ": " + e.getMessage(), e);
    }
  }

  private static String key(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
