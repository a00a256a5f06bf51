package org.evergreencrm.api.address;

import java.time.Instant;

/**
 * A standardized address: the recipient or business line when one was given, the two lines a mail piece carries
 * ({@code "123 N MAIN ST APT 4"}, {@code "SPRINGFIELD IL 62704"}), the components, the analysis and metadata, who
 * produced it and when.
 */
public record StandardAddress(String addressee, String deliveryLine1, String lastLine, AddressComponents components,
        AddressMetadata metadata, AddressAnalysis analysis, AddressSource source, Instant at) {

    /** "not verified" unless a verifier confirmed delivery (DPV Y, S or D). */
    public boolean verified() {
        return analysis != null && analysis.verified();
    }
}
