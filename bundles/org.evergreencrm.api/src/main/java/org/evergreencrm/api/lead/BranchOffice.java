package org.evergreencrm.api.lead;

import java.util.List;

/** A branch office as configured for routing ({@code branch.NAME}, {@code branchReps.NAME}): where it is, its radius, its reps. */
public record BranchOffice(String name, GeoPoint at, double radiusMiles, List<String> reps) {
    public BranchOffice {
        reps = List.copyOf(reps);
    }
}
