package io.artifact.flyemu.nfs;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON files on the share as the Deno stack writes them: {@code JSON.stringify(x, null, 2)}
 * (two spaces, {@code "key": value}), written atomically through a temp file and a rename.
 */
final class NfsJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private NfsJson() {}

  static String render(Object value, boolean trailingNewline) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(value) + (trailingNewline ? "\n" : "");
    } catch (IOException e) {
      throw new LayoutException("cannot render " + value, e);
    }
  }

  static <T> Optional<T> read(Path file, Class<T> type) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LayoutException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    try {
      return Optional.of(MAPPER.readValue(bytes, type));
    } catch (IOException e) {
      throw new LayoutException("invalid " + file.getFileName() + ": " + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LayoutException) return t.getMessage();
    }
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  /** Writes through a sibling temp file (not matched by exec's {@code *.json} listing) and a rename. */
  static void writeAtomically(Path file, String content) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write already failed; that failure is the one to report
      }
      throw new LayoutException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
