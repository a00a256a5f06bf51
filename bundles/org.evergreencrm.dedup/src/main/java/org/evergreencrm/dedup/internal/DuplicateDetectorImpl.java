package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The online duplicate check: blocking keys for storage, and Fellegi–Sunter scoring of an incoming record against
 * the stored records that share a key, with the default model parameters (learned parameters come with the
 * batch job).
 */
@Component(service = DuplicateDetector.class, configurationPid = "org.evergreencrm.dedup")
@Designate(ocd = DuplicateDetectorImpl.Config.class)
public final class DuplicateDetectorImpl implements DuplicateDetector {

    @ObjectClassDefinition(name = "Evergreen duplicate detection")
    public @interface Config {
        @AttributeDefinition(description = "Region used to read phone numbers written without a country code (ISO 3166)")
        String defaultRegion() default "US";

        @AttributeDefinition(description = "Matches at or above this probability are reported for review")
        double reviewThreshold() default 0.8;

        @AttributeDefinition(description = "Matches at or above this probability may be merged without review")
        double autoMergeThreshold() default 0.98;

        @AttributeDefinition(description = "Seconds without a heartbeat after which an interrupted batch search is resumed")
        int resumeAfterSeconds() default 30;
    }

    private final PersonNormalizer normalizer;
    private final FellegiSunterModel model = FellegiSunterModel.defaults();
    private final double review;
    private final double autoMerge;

    /** The address normalizer in use: the address bundle's USPS one while it runs (see {@link SwitchableAddressNormalizer}). */
    private final SwitchableAddressNormalizer addresses;

    @Activate
    public DuplicateDetectorImpl(Config config) {
        this(new SwitchableAddressNormalizer(), config);
    }

    private DuplicateDetectorImpl(SwitchableAddressNormalizer addresses, Config config) {
        this(addresses, config.defaultRegion(), config.reviewThreshold(), config.autoMergeThreshold());
    }

    DuplicateDetectorImpl(SwitchableAddressNormalizer addresses, String region, double review, double autoMerge) {
        this(PersonNormalizer.defaults(region, addresses), review, autoMerge, addresses);
    }

    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void bindAddressNormalizer(org.evergreencrm.api.dedup.AddressNormalizer n) {
        if (addresses != null) {
            addresses.bind(n);
            recent.clear(); // normalized with the other normalizer
        }
    }

    void unbindAddressNormalizer(org.evergreencrm.api.dedup.AddressNormalizer n) {
        if (addresses != null) {
            addresses.unbind(n);
            recent.clear();
        }
    }

    /** The version of the match keys this detector writes: the stored contacts are re-keyed when it changes. */
    int keyVersion() {
        return addresses == null ? BlockingKeys.VERSION * 100 : addresses.keyVersion();
    }

    String addressNormalizerName() {
        return addresses == null ? "basic (built in)" : addresses.name();
    }

    DuplicateDetectorImpl(PersonNormalizer normalizer, double review, double autoMerge) {
        this(normalizer, review, autoMerge, null);
    }

    private DuplicateDetectorImpl(PersonNormalizer normalizer, double review, double autoMerge, SwitchableAddressNormalizer addresses) {
        this.addresses = addresses;
        if (review <= 0 || review > autoMerge || autoMerge > 1) {
            throw new IllegalArgumentException("need 0 < reviewThreshold <= autoMergeThreshold <= 1");
        }
        this.normalizer = normalizer;
        this.review = review;
        this.autoMerge = autoMerge;
    }

    /**
     * Records normalized lately (by value, whatever their id): a lead's record is checked, compared and stored in one
     * intake step after another, and normalizing (libphonenumber above all) is the costly part. Emptied when it grows
     * past {@value #RECENT} entries.
     */
    private static final int RECENT = 20_000;
    private final java.util.concurrent.ConcurrentHashMap<PersonRecord, NormalizedPerson> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private NormalizedPerson normalize(PersonRecord r) {
        PersonRecord key = r.id() == null ? r : new PersonRecord(null, r.givenName(), r.familyName(), r.streetNumber(),
                r.addressLine(), r.addressLine2(), r.city(), r.postcode(), r.state(), r.dateOfBirth(), r.phones(), r.emails());
        NormalizedPerson n = recent.get(key);
        if (n == null) {
            n = normalizer.normalize(key);
            if (recent.size() >= RECENT) {
                recent.clear();
            }
            recent.put(key, n);
        }
        return java.util.Objects.equals(n.id(), r.id()) ? n : n.withId(r.id());
    }

    @Override
    public Set<String> matchKeys(PersonRecord record) {
        return BlockingKeys.of(normalize(record));
    }

    @Override
    public MatchData matchData(PersonRecord record) {
        return new MatchData(matchKeys(record), normalizer.stored(record));
    }

    @Override
    public List<MatchResult> matches(PersonRecord incoming, List<PersonRecord> candidates) {
        NormalizedPerson in = normalize(incoming);
        List<MatchResult> results = new ArrayList<>();
        for (PersonRecord candidate : candidates) {
            NormalizedPerson other = normalize(candidate);
            int[] levels = PairComparator.compare(in, other);
            double p = model.probability(levels);
            if (p >= review) {
                results.add(new MatchResult(in.id(), other.id(), p, model.weight(levels), model.explain(levels, in, other)));
            }
        }
        results.sort(Comparator.comparingDouble(MatchResult::probability).reversed());
        return results;
    }

    @Override
    public double autoMergeThreshold() {
        return autoMerge;
    }
}
