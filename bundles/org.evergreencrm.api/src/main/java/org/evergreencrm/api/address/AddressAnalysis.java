package org.evergreencrm.api.address;

/**
 * What a verifier concluded, as SmartyStreets' {@code analysis}. {@code dpvMatchCode}: Y confirmed, S secondary
 * invalid, D secondary missing, N not confirmed, {@code null} not coded — the offline path always leaves it
 * {@code null} (it cannot know whether mail is delivered). {@code footnotes} are Smarty's codes ({@code "N#"}
 * standardized, ...) or, offline, our own short notes.
 */
public record AddressAnalysis(String dpvMatchCode, String dpvFootnotes, String dpvCmra, String dpvVacant,
        String footnotes, boolean verified) {

    public static AddressAnalysis notVerified(String footnotes) {
        return new AddressAnalysis(null, null, null, null, footnotes, false);
    }
}
