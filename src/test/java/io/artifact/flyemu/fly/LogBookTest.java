package io.artifact.flyemu.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBookTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static LogBook bookOf(int capacity, int lines) {
    LogBook book = new LogBook(capacity);
    for (int i = 1; i <= lines; i++) book.append(T.plusSeconds(i), i % 2 == 0 ? "m-even" : "m-odd", "syd", "info", "line " + i);
    return book;
  }

  @Test
  void keepsOnlyTheNewestLinesUpToItsCapacity() {
    List<LogEntry> all = bookOf(3, 5).read(null, null, 100);
    assertThat(all).extracting(LogEntry::message).containsExactly("line 3", "line 4", "line 5");
  }

  @Test
  void pagesFromACursorWithoutRepeatsOrGaps() {
    LogBook book = bookOf(100, 7);
    List<LogEntry> first = book.read(null, null, 3);
    List<LogEntry> second = book.read(first.get(2).id(), null, 3);
    List<LogEntry> third = book.read(second.get(2).id(), null, 3);

    assertThat(first).extracting(LogEntry::message).containsExactly("line 1", "line 2", "line 3");
    assertThat(second).extracting(LogEntry::message).containsExactly("line 4", "line 5", "line 6");
    assertThat(third).extracting(LogEntry::message).containsExactly("line 7");
    assertThat(book.read(third.get(0).id(), null, 3)).isEmpty();
  }

  @Test
  void aCursorOlderThanTheRetainedLinesResumesAtTheOldestKept() {
    LogBook book = bookOf(3, 3);
    String cursor = book.read(null, null, 1).get(0).id();
    book.append(T, "m-odd", "syd", "info", "line 4");
    book.append(T, "m-odd", "syd", "info", "line 5");
    assertThat(book.read(cursor, null, 10)).extracting(LogEntry::message).containsExactly("line 3", "line 4", "line 5");
  }

  @Test
  void filtersByInstance() {
    assertThat(bookOf(100, 6).read(null, "m-even", 100)).extracting(LogEntry::message)
        .containsExactly("line 2", "line 4", "line 6");
  }

  @Test
  void aMalformedCursorIsInvalid() {
    assertThatThrownBy(() -> bookOf(10, 1).read("abc", null, 10)).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID));
  }
}
