package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.model.Session;
import java.util.List;

/**
 * What a seed file holds once read: its sessions, which hold only the tokens' fingerprints, and the
 * notes about entries that loaded but deserve a word, such as sessions that have expired.
 */
public record SeedFile(List<Session> sessions, List<SeedNote> notes) {

  public SeedFile {
    sessions = List.copyOf(sessions);
    notes = List.copyOf(notes);
  }
}
