package dev.portcullis.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision inspector's memory: the last {@value #CAPACITY} requests, each as its list row and
 * its detail, already masked. Older ones are dropped, so memory stays bounded however long {@code
 * serve} runs.
 */
final class InspectorLog {

  /** How many requests are kept. */
  static final int CAPACITY = 200;

  /**
   * One kept request.
   *
   * @param row what the list shows
   * @param detail the JSON document that opening it shows
   */
  record Entry(long id, ObjectNode row, byte[] detail) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>(CAPACITY);
  private long lastId;

  /** Keeps a request under the next id, dropping the oldest past the capacity. */
  synchronized Entry add(java.util.function.LongFunction<Entry> entry) {
    Entry added = entry.apply(++lastId);
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(added);
    return added;
  }

  /** The id of the newest request; 0 before the first. */
  synchronized long lastId() {
    return lastId;
  }

  /** The kept requests with an id above {@code id}, oldest first. */
  synchronized List<Entry> after(long id) {
    List<Entry> newer = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.id() > id) {
        newer.add(entry);
      }
    }
    return newer;
  }

  /** The request with {@code id}, while it is kept. */
  synchronized Optional<Entry> find(long id) {
    return entries.stream().filter(e -> e.id() == id).findFirst();
  }
}
