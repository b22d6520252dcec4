package dev.portcullis.domain.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grants of an identity's roles as they apply to it: its own values filled in, and, for the
 * decision log, one line per grant it could not take.
 *
 * @param grants the grants that apply, filled in
 * @param dropped why each dropped grant was dropped, naming the grant as the rules write it
 */
public record AppliedGrants(Set<Grant> grants, List<String> dropped) {

  public AppliedGrants {
    grants = Collections.unmodifiableSet(new LinkedHashSet<>(grants));
    dropped = List.copyOf(dropped);
  }
}
