package org.evergreencrm.smartystreets.internal;

import java.time.Instant;
import java.util.Map;

import org.evergreencrm.api.address.AddressAnalysis;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.StandardAddress;

import com.smartystreets.api.us_street.Analysis;
import com.smartystreets.api.us_street.Candidate;
import com.smartystreets.api.us_street.Components;
import com.smartystreets.api.us_street.Metadata;

/** SmartyStreets' US Street candidate → our model. Smarty names time zones ("Central"); we keep IANA ids. */
final class SmartyMapper {
    private static final Map<String, String> ZONES = Map.of("Eastern", "America/New_York", "Central", "America/Chicago",
            "Mountain", "America/Denver", "Pacific", "America/Los_Angeles", "Alaska", "America/Anchorage",
            "Hawaii", "Pacific/Honolulu", "Atlantic", "America/Puerto_Rico", "Samoa", "Pacific/Pago_Pago",
            "Chamorro", "Pacific/Guam");

    private SmartyMapper() {
    }

    static StandardAddress map(Candidate c, Instant at) {
        Components k = c.getComponents();
        AddressComponents components = k == null ? AddressComponents.EMPTY : new AddressComponents(k.getPrimaryNumber(),
                k.getStreetPredirection(), k.getStreetName(), k.getStreetSuffix(), k.getStreetPostdirection(),
                k.getSecondaryDesignator(), k.getSecondaryNumber(), k.getCityName(), k.getState(), k.getZipCode(),
                k.getPlus4Code());
        Metadata m = c.getMetadata();
        AddressMetadata metadata = m == null ? AddressMetadata.UNKNOWN : new AddressMetadata(m.getRecordType(),
                m.getCountyName(), m.getCountyFips(), m.getRdi(), m.getLatitude(), m.getLongitude(), m.getPrecision(),
                zone(m.getTimeZone(), m.obeysDst()), m.getUtcOffset(), m.obeysDst());
        Analysis a = c.getAnalysis();
        String dpv = a == null ? null : blankToNull(a.getDpvMatchCode());
        AddressAnalysis analysis = new AddressAnalysis(dpv, a == null ? null : a.getDpvFootnotes(), a == null ? null : a.getCmra(),
                a == null ? null : a.getVacant(), a == null ? null : a.getFootnotes(),
                "Y".equals(dpv) || "S".equals(dpv) || "D".equals(dpv));
        return new StandardAddress(blankToNull(c.getAddressee()), c.getDeliveryLine1(), c.getLastLine(), components,
                metadata, analysis, AddressSource.SMARTYSTREETS, at);
    }

    /** "Mountain" without DST is Arizona's zone. */
    static String zone(String smarty, boolean dst) {
        if (smarty == null || smarty.isBlank()) {
            return null;
        }
        if (smarty.equals("Mountain") && !dst) {
            return "America/Phoenix";
        }
        return ZONES.getOrDefault(smarty, smarty.contains("/") ? smarty : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
