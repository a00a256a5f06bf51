package org.evergreencrm.enrichment.internal.providers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Market context from our own history ({@link MarketMath}): the last three years of leads with their contact's ZIP and
 * state, and whether the contact got an appointment set in the call queue after the lead came in (the closest thing to a close the CRM
 * records until the pipeline exists). Read-only over the leads', contacts' and queue's tables, as one snapshot that is
 * read again when it is older than {@value #SNAPSHOT_SECONDS} seconds (market figures move slowly; one
 * snapshot serves a whole re-enrichment job).
 */
@Component(service = EnrichmentProvider.class, property = "service.ranking:Integer=30")
public final class MarketProvider implements EnrichmentProvider {
    static final int SNAPSHOT_SECONDS = 60;
    private final DataSource ds;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ZipDirectory zips;

    private record Snapshot(List<MarketMath.LeadFact> facts, Instant at, String note,
            java.util.concurrent.ConcurrentHashMap<String, List<EnrichmentValue>> byPlace) {
        Snapshot(List<MarketMath.LeadFact> facts, Instant at, String note) {
            this(facts, at, note, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    @Activate
    public MarketProvider(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.leads)") SchemaReady leads) {
        this(ds, Clock.systemUTC());
    }

    MarketProvider(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "market";
    }

    @Override
    public String description() {
        return "lead volume, appointment rate, seasonality and trend in the region, from our own history";
    }

    @Override
    public List<EnrichmentValue> enrich(EnrichmentSubject s) {
        String state = s.state() == null ? null : s.state().toUpperCase(Locale.ROOT);
        String zip = zip5(s.zipcode());
        Snapshot snap = facts();
        // the figures depend on the ZIP's prefix and the state only: computed once per place and snapshot (a
        // re-enrichment job asks for every contact), then stamped with this subject's time
        List<EnrichmentValue> values = snap.byPlace().computeIfAbsent((zip == null ? "" : zip.substring(0, 3)) + "|" + state,
                k -> MarketMath.compute(snap.facts(), zip, state, s.now(), name()));
        return values.stream().map(v -> new EnrichmentValue(v.group(), v.field(), v.value(), v.unit(), v.detail(), v.source(), s.now())).toList();
    }

    @Override
    public String status() {
        Snapshot snap = snapshot;
        return snap == null ? "history not read yet" : snap.facts().size() + " leads of history read at " + snap.at() + snap.note();
    }

    /** Drops the snapshot (tests, or after a bulk import). */
    void forget() {
        snapshot = null;
    }

    private Snapshot facts() {
        Snapshot snap = snapshot;
        Instant now = clock.instant();
        if (snap == null || snap.at().plus(Duration.ofSeconds(SNAPSHOT_SECONDS)).isBefore(now)) {
            snap = read(now);
            snapshot = snap;
        }
        return snap;
    }

    private Snapshot read(Instant now) {
        Instant since = now.minus(Duration.ofDays(3 * 365 + 31));
        String leads = "SELECT l.received_at, c.addr_postal_code, c.addr_state, %s AS appointment FROM lead l "
                + "JOIN contact c ON c.id = l.contact_id WHERE l.received_at >= ?";
        String withQueue = String.format(leads, "CASE WHEN EXISTS (SELECT 1 FROM call_attempt a WHERE a.contact_id = l.contact_id "
                + "AND a.outcome = 'APPOINTMENT_SET' AND a.outcome_at >= l.received_at) THEN 1 ELSE 0 END");
        return Jdbc.read(ds, c -> {
            try {
                return new Snapshot(query(c, withQueue, since), now, "");
            } catch (SQLException noQueue) {
                return new Snapshot(query(c, String.format(leads, "0"), since), now, " (no call queue tables: appointment rates are 0)");
            }
        });
    }

    private List<MarketMath.LeadFact> query(Connection c, String sql, Instant since) throws SQLException {
        List<MarketMath.LeadFact> out = new ArrayList<>();
        boolean savepoint = !c.getAutoCommit();
        java.sql.Savepoint sp = savepoint ? c.setSavepoint() : null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.set(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String zip = zip5(rs.getString(2));
                    out.add(new MarketMath.LeadFact(Jdbc.instant(rs, "received_at"), zip, state(rs.getString(3), zip), rs.getInt(4) == 1));
                }
            }
        } catch (SQLException e) {
            if (sp != null) {
                c.rollback(sp);
            }
            throw e;
        }
        return out;
    }

    private String state(String typed, String zip) {
        ZipDirectory z = zips;
        if (zip != null && z != null) {
            String s = z.stateOf(zip);
            if (s != null) {
                return s;
            }
        }
        return typed != null && typed.strip().length() == 2 ? typed.strip().toUpperCase(Locale.ROOT) : null;
    }

    static String zip5(String postal) {
        if (postal == null) {
            return null;
        }
        String d = postal.strip();
        return d.length() >= 5 && d.substring(0, 5).chars().allMatch(Character::isDigit) ? d.substring(0, 5) : null;
    }
}
