package org.evergreencrm.api.address;

import java.util.List;

/**
 * SPI: a service that verifies US addresses against the postal database (the SmartyStreets adapter bundle). The
 * address service uses the one with the highest {@code service.ranking} when it runs and falls back to the offline
 * standardizer when there is none or it fails; a failure is recorded in the answer's verdict, never hidden.
 */
public interface AddressVerifier {

    /** Short name for verdicts and notes ({@code "SmartyStreets"}). */
    String name();

    /**
     * Verifies up to {@link #MAX_BATCH} addresses in one go: one result per query, in order. Never throws for an
     * unavailable service: each result then carries the {@code failure}.
     */
    List<Result> verify(List<Query> queries);

    /** A one-line state: lookups made, lookups saved by the cache, the circuit breaker. */
    String status();

    int MAX_BATCH = 100;

    /** One address to verify, as SmartyStreets' US Street lookup takes it. */
    record Query(String addressee, String street, String secondary, String city, String state, String zipcode) {
    }

    /**
     * The candidates found (empty: no match — the address is not deliverable as given), or {@code failure} saying why
     * the service could not answer ({@code "402 payment required: out of credit"}, {@code "circuit open"}).
     */
    record Result(List<StandardAddress> candidates, String failure, boolean cached) {
        public Result {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        public static Result failed(String why) {
            return new Result(List.of(), why, false);
        }

        public boolean ok() {
            return failure == null;
        }
    }
}
