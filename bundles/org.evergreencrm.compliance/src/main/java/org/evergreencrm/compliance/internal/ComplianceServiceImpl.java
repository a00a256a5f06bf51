package org.evergreencrm.compliance.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.Decision;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.compliance.DncList;
import org.evergreencrm.api.compliance.NumberStatus;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The compliance service: decisions from {@link CallPolicy} over the facts in {@link ComplianceStore}, consent
 * records with the 10-business-day rule, registry imports through {@link DncImporter}.
 */
@Component(service = ComplianceService.class, configurationPid = "org.evergreencrm.compliance",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ComplianceServiceImpl implements ComplianceService {
    /** Revocations are honoured at the latest this many business days after receipt (FCC 24-24). */
    static final int REVOCATION_BUSINESS_DAYS = 10;
    private static final Pattern LIST_CODE = Pattern.compile("US(-[A-Z]{2})?");
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("America/New_York");
    /** No consent record is older than the TCPA itself. */
    static final Instant EARLIEST = Instant.parse("1991-01-01T00:00:00Z");

    private final ComplianceStore store;
    private final CallPolicy policy;
    private final DncImporter importer;
    private final Clock clock;
    private final ComplianceAccess access;

    @Activate
    public ComplianceServiceImpl(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.compliance)") SchemaReady schemaReady,
            // the calling-frequency rule counts the queue's call attempts
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady attemptsSchema,
            @Reference ContactService contacts, Map<String, Object> config) {
        this(ds, CallingRules.from(config), Clock.systemUTC(), contacts);
    }

    /** Without the contact service (tests of the compliance rules alone): only admins reach contact records. */
    public ComplianceServiceImpl(DataSource ds, SchemaReady schemaReady, Map<String, Object> config) {
        this(ds, CallingRules.from(config), Clock.systemUTC(), null);
    }

    ComplianceServiceImpl(DataSource ds, CallingRules rules, Clock clock) {
        this(ds, rules, clock, null);
    }

    /** @param contacts the contact access rule; {@code null} (tests) lets only admins near contact records */
    ComplianceServiceImpl(DataSource ds, CallingRules rules, Clock clock, ContactService contacts) {
        this.access = new ComplianceAccess(contacts);
        this.store = new ComplianceStore(ds);
        this.policy = new CallPolicy(rules, new UsZones(() -> zipDirectory));
        this.importer = new DncImporter(ds, clock);
        this.clock = clock;
    }

    /** The address bundle's ZIP directory, when it runs: a ZIP's own time zone instead of its state's zones. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile org.evergreencrm.api.address.ZipDirectory zipDirectory;

    @Deactivate
    void stop() {
        importer.close();
    }

    @Override
    public Optional<String> usNumber(String phone) {
        return PhoneFacts.of(phone).map(PhoneFacts::e164);
    }

    @Override
    public Decision check(CallTarget target, Instant at) {
        Optional<PhoneFacts> phone = PhoneFacts.of(target.phone());
        CallPolicy.Facts facts = phone.map(p -> store.facts(p.national(), target.contactId(), at, policy.limitsCalls(target, p)))
                .orElse(new CallPolicy.Facts(List.of(), List.of(), List.of()));
        return policy.decide(target, phone, facts, at);
    }

    @Override
    public Decision check(CallTarget target, Instant at, java.sql.Connection connection) {
        Optional<PhoneFacts> phone = PhoneFacts.of(target.phone());
        CallPolicy.Facts facts = new CallPolicy.Facts(List.of(), List.of(), List.of());
        if (phone.isPresent()) {
            try {
                facts = ComplianceStore.facts(connection, phone.get().national(), target.contactId(), at,
                        policy.limitsCalls(target, phone.get()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("database error: " + e.getMessage(), e);
            }
        }
        return policy.decide(target, phone, facts, at);
    }

    @Override
    public Decision checkAndRecord(CallTarget target, Instant at, String purpose, Actor actor) {
        Decision d = check(target, at);
        store.logDecision(target.contactId(), PhoneFacts.of(target.phone()).map(PhoneFacts::national).orElse(null), at,
                purpose, d.allowed(), d.summary(), actor.username());
        return d;
    }

    @Override
    public ConsentRecord record(Actor actor, ConsentDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft == null) {
            throw new ValidationException("body", "a consent record is required");
        }
        Long national = null;
        if (draft.phone() != null && !draft.phone().isBlank()) {
            Optional<PhoneFacts> p = PhoneFacts.of(draft.phone());
            if (p.isEmpty()) {
                errors.add(new FieldError("phone", "not a valid US phone number: " + draft.phone()));
            } else {
                national = p.get().national();
            }
        } else if (draft.contactId() == null) {
            errors.add(new FieldError("phone", "a phone number or a contactId is required"));
        }
        if (draft.channel() == null) {
            errors.add(new FieldError("channel", "required: CALL or TEXT"));
        }
        if (draft.kind() == null) {
            errors.add(new FieldError("kind", "required: GRANT or REVOKE"));
        }
        if (draft.method() == null) {
            errors.add(new FieldError("method", "required: how the request reached us (CALL, TEXT_STOP, EMAIL, WEB, ...)"));
        }
        Instant now = clock.instant();
        Instant received = draft.receivedAt() == null ? now : draft.receivedAt();
        if (received.isAfter(now.plusSeconds(60))) {
            errors.add(new FieldError("receivedAt", "cannot be in the future"));
        } else if (received.isBefore(EARLIEST)) {
            errors.add(new FieldError("receivedAt", "must be after " + EARLIEST));
        }
        Instant effective = draft.effectiveAt() == null ? received : draft.effectiveAt();
        if (effective.isAfter(now.plus(java.time.Duration.ofDays(3660)))) {
            errors.add(new FieldError("effectiveAt", "at most ten years ahead"));
        } else if (effective.isBefore(received)) {
            errors.add(new FieldError("effectiveAt", "cannot be before receivedAt"));
        }
        // no date arithmetic on a date out of range (it would fail instead of naming the field)
        boolean datesInRange = errors.stream().noneMatch(e -> e.field().equals("receivedAt") || e.field().equals("effectiveAt"));
        Instant honorBy = null;
        if (draft.kind() == ConsentKind.REVOKE && datesInRange) {
            honorBy = honorBy(received);
            if (effective.isAfter(honorBy)) {
                errors.add(new FieldError("effectiveAt", "a revocation must take effect within "
                        + REVOCATION_BUSINESS_DAYS + " business days of receipt, by " + honorBy));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        access.checkRecord(actor, draft, national);
        String note = draft.note() == null ? null : draft.note().length() > 1000 ? draft.note().substring(0, 1000) : draft.note();
        return store.insert(draft.contactId(), national, draft.channel(), draft.kind(), draft.method(), received,
                effective, honorBy, actor.username(), now, note);
    }

    /** End of the 10th business day after receipt, in US Eastern business time. */
    static Instant honorBy(Instant received) {
        ZonedDateTime r = received.atZone(BUSINESS_ZONE);
        return BusinessDays.plus(r.toLocalDate(), REVOCATION_BUSINESS_DAYS).atTime(23, 59, 59).atZone(BUSINESS_ZONE)
                .toInstant();
    }

    @Override
    public List<ConsentRecord> records(Actor actor, Long contactId, String phone) {
        access.checkContact(actor, contactId);
        Long national = null;
        if (phone != null && !phone.isBlank()) {
            national = PhoneFacts.of(phone).orElseThrow(() -> new ValidationException("phone",
                    "not a valid US phone number: " + phone)).national();
        }
        return access.visibleRecords(actor, store.consents(contactId, national));
    }

    @Override
    public NumberStatus lookup(Actor actor, String phone) {
        PhoneFacts p = PhoneFacts.of(phone).orElseThrow(() -> new ValidationException("phone",
                "not a valid US phone number: " + phone));
        Instant now = clock.instant();
        CallPolicy.Facts facts = store.facts(p.national(), null, now, true);
        Decision d = policy.decide(new CallTarget(null, phone, null, null), Optional.of(p), facts, now);
        store.logDecision(null, p.national(), now, "LOOKUP", d.allowed(), d.summary(), actor.username());
        boolean dnc = !facts.registryLists().isEmpty() && CallPolicy.latest(facts.records(), Channel.CALL, now)
                .map(r -> r.kind() != ConsentKind.GRANT).orElse(true)
                || CallPolicy.latest(facts.records(), Channel.CALL, now).map(r -> r.kind() == ConsentKind.REVOKE).orElse(false);
        boolean dnt = CallPolicy.latest(facts.records(), Channel.TEXT, now).map(r -> r.kind() == ConsentKind.REVOKE)
                .orElse(false);
        return new NumberStatus(p.e164(), facts.registryLists(), access.visibleRecords(actor, facts.records()), dnc, dnt, d);
    }

    @Override
    public List<DecisionRecord> decisions(Actor actor, Long contactId, String phone, int limit) {
        access.checkContact(actor, contactId);
        Long national = phone == null || phone.isBlank() ? null : PhoneFacts.of(phone).orElseThrow(() ->
                new ValidationException("phone", "not a valid US phone number: " + phone)).national();
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("limit", "1 to 1000");
        }
        return access.visibleDecisions(actor, store.decisions(contactId, national, limit));
    }

    @Override
    public List<DncList> lists() {
        return store.lists();
    }

    @Override
    public DncImport startImport(Actor actor, String list, InputStream numbers, String sourceName) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may import do-not-call lists");
        }
        if (list == null || !LIST_CODE.matcher(list).matches()) {
            throw new ValidationException("list", "US for the national registry or US-XX for a state list");
        }
        String description = list.equals("US") ? "National Do Not Call Registry" : "State do-not-call list " + list.substring(3);
        return importer.start(list, description + (sourceName == null ? "" : " (" + sourceName + ")"), numbers,
                actor.username());
    }

    @Override
    public Optional<DncImport> dncImport(long id) {
        return importer.status(id);
    }

    @Override
    public List<DncImport> dncImports() {
        return importer.all();
    }

    @Override
    public DncImport cancelImport(Actor actor, long id) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may cancel an import");
        }
        return importer.cancel(id).orElseThrow(() -> new NotFoundException("DNC import", id));
    }

    ComplianceStore store() {
        return store;
    }
}
