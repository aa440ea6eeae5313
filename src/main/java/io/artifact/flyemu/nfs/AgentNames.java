package io.artifact.flyemu.nfs;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code adjective-animal} agent ids, as {@code unique-names-generator} makes them (lowercase, dash). */
final class AgentNames {

  private static final List<String> ADJECTIVES = List.of("brave", "calm", "clever", "eager", "gentle", "happy",
      "jolly", "keen", "lively", "mellow", "nimble", "proud", "quiet", "rapid", "sunny", "swift", "tidy", "witty",
      "bold", "bright", "cosy", "daring", "fancy", "fresh", "grand", "humble", "loyal", "merry", "noble", "plucky");
  private static final List<String> ANIMALS = List.of("otter", "badger", "falcon", "heron", "lynx", "marten",
      "newt", "owl", "panda", "quokka", "raven", "seal", "tapir", "urchin", "vole", "walrus", "yak", "zebra",
      "bison", "crane", "dingo", "eagle", "ferret", "gecko", "ibis", "koala", "lemur", "moose", "narwhal", "puffin");

  private AgentNames() {}

  static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return ADJECTIVES.get(r.nextInt(ADJECTIVES.size())) + "-" + ANIMALS.get(r.nextInt(ANIMALS.size()));
  }
}
