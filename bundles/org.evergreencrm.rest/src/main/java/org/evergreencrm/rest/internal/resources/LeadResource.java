package org.evergreencrm.rest.internal.resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.FeedState;
import org.evergreencrm.api.lead.LeadImport;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.RepAvailability;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.rest.internal.ActorPrincipal;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Leads: recent leads with their assignment and timestamps, dead letters and replay, intake for integrations. */
@Path("/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "leads")
public final class LeadResource {
    /** Body of POST /leads: a lead from an integration (the web forms post to /intake/forms/{key} instead). */
    public record LeadRequest(String source, String sourceLeadId, Map<String, String> fields) {
    }

    /** Body of POST /leads/referrals: who referred whom (the person's fields as for any lead). */
    public record ReferralRequest(Long referrerContactId, String referralId, Map<String, String> fields) {
    }

    /** A contact's referrals: how many in all, and the leads among them the caller may see. */
    public record Referrals(long contactId, int count, List<Lead> leads) {
    }

    /**
     * What a caller who may not read the lead's contact learns of a lead they delivered: that it was taken in, and
     * nothing of the contact it joined or of who owns it (no existence oracle).
     */
    public record Receipt(long leadId, String source, String sourceLeadId, Instant receivedAt, String detail) {
    }

    /** Body of PUT /leads/routing/reps/{username}: when the rep takes leads (replaces what was set). */
    public record AvailabilityRequest(String workingHours, Instant leaveFrom, Instant leaveUntil, String leaveNote) {
    }

    /** The assignment chain and the reps' availability now. */
    public record Routing(List<LeadRouting.Link> chain, List<RepAvailability> reps) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LeadIntake intake;
    private final LeadRouting routing;
    private final org.evergreencrm.api.contact.ContactService contacts;

    public LeadResource(LeadIntake intake, LeadRouting routing, org.evergreencrm.api.contact.ContactService contacts) {
        this.contacts = contacts;
        this.intake = intake;
        this.routing = routing;
    }

    private static Actor managerOrAdmin(SecurityContext security) {
        Actor a = ActorPrincipal.of(security);
        if (a.role() == Role.REP) {
            throw new AccessDeniedException("leads and dead letters are for managers and admins");
        }
        return a;
    }

    @POST
    @Operation(summary = "Take in a lead (integrations; managers, admins)", description = "Idempotent on (source, sourceLeadId): a repeated delivery answers the stored lead. A refused lead is kept as a dead letter.")
    public Response submit(LeadRequest request, @Context SecurityContext security) throws Exception {
        Actor actor = managerOrAdmin(security);
        LeadRequest r = QueueResource.requireBody(request);
        Lead lead = intake.submit(new IncomingLead(r.source(), r.sourceLeadId(), r.fields(), JSON.writeValueAsString(r.fields()),
                Instant.now()));
        return Response.status(Response.Status.ACCEPTED).entity(answer(actor, lead)).build();
    }

    @POST
    @Path("/referrals")
    @Operation(summary = "A referral: a new lead linked to the contact who referred them (any user)", description = "Idempotent on referralId when given. The referred person goes through the intake pipeline like every lead (duplicate check, assignment).")
    public Response refer(ReferralRequest request, @Context SecurityContext security) throws Exception {
        Actor actor = ActorPrincipal.of(security);
        ReferralRequest r = QueueResource.requireBody(request);
        if (r.referrerContactId() == null) {
            throw new org.evergreencrm.api.ValidationException("referrerContactId", "required");
        }
        try {
            contacts.checkRead(actor, r.referrerContactId()); // a referral names a contact the caller may see
        } catch (NotFoundException e) {
            throw new org.evergreencrm.api.ValidationException("referrerContactId", "no contact " + r.referrerContactId());
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>(r.fields() == null ? Map.of() : r.fields());
        fields.put("referrerContactId", Long.toString(r.referrerContactId()));
        String id = r.referralId() == null || r.referralId().isBlank() ? java.util.UUID.randomUUID().toString() : r.referralId();
        Lead lead = intake.submit(new IncomingLead("referral", id, fields, JSON.writeValueAsString(fields), Instant.now(),
                r.referrerContactId()));
        return Response.status(Response.Status.ACCEPTED).entity(answer(actor, lead)).build();
    }

    /** The lead when the actor may read its contact, else only a receipt. */
    private Object answer(Actor actor, Lead lead) {
        if (!contacts.readable(actor, List.of(lead.contactId())).isEmpty()) {
            return lead;
        }
        return new Receipt(lead.id(), lead.source(), lead.sourceLeadId(), lead.receivedAt(),
                "taken in and assigned by the routing chain");
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "The referrals a contact made: count and leads")
    public Referrals referrals(@QueryParam("contactId") String contactIdParam, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        Long contactId = QueryParams.parseLong("contactId", contactIdParam);
        if (contactId == null) {
            throw new org.evergreencrm.api.ValidationException("contactId", "required");
        }
        List<Lead> leads = intake.referredBy(actor, contactId);
        return new Referrals(contactId, intake.referralCount(actor, contactId), leads);
    }

    @GET
    @Path("/sources")
    @Operation(summary = "Every lead source with its counts (leads, open dead letters, spam) and last activity")
    public List<org.evergreencrm.api.lead.SourceHealth> sources(@Context SecurityContext security) {
        managerOrAdmin(security);
        return intake.sources();
    }

    @GET
    @Path("/feeds")
    @Operation(summary = "Polled sources (plugin feeds, provider APIs): cursor, last poll, last success, last error, counts")
    public List<FeedState> feeds(@Context SecurityContext security) {
        managerOrAdmin(security);
        return intake.feeds();
    }

    @GET
    @Path("/imports")
    @Operation(summary = "Dropped lead files on this node and their progress (processed of total, taken in, dead letters), newest first")
    public List<LeadImport> imports(@Context SecurityContext security) {
        managerOrAdmin(security);
        return intake.imports();
    }

    @GET
    @Path("/routing")
    @Operation(summary = "The assignment chain link by link, and every active rep's availability now")
    public Routing routing(@Context SecurityContext security) {
        managerOrAdmin(security);
        return new Routing(routing.chain(), routing.availability());
    }

    @PUT
    @Path("/routing/reps/{username}")
    @Operation(summary = "Set when a rep takes new leads: working hours (\"Mon-Fri 08:00-17:00 America/New_York\", null: any time) "
            + "and leave from–until (managers for their team, admins)")
    public RepAvailability availability(@PathParam("username") String username, AvailabilityRequest request,
            @Context SecurityContext security) {
        AvailabilityRequest r = QueueResource.requireBody(request);
        return routing.setAvailability(managerOrAdmin(security), username, r.workingHours(), r.leaveFrom(), r.leaveUntil(), r.leaveNote());
    }

    @GET
    @Path("/speed-to-lead")
    @Operation(summary = "Speed to lead per rep and source: minutes from receipt to the first call attempt, p50/p90, within the SLA", description = "A manager sees their team's reps, an admin every rep.")
    public List<org.evergreencrm.api.lead.SpeedToLead> speed(@QueryParam("days") String days, @QueryParam("slaMinutes") String sla,
            @Context SecurityContext security) {
        return intake.speedToLead(managerOrAdmin(security), QueryParams.parseInt("days", days, 30), QueryParams.parseInt("slaMinutes", sla, 5));
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Leads per source per day (UTC) over the last days, of the contacts you may see")
    public List<org.evergreencrm.api.lead.LeadDay> daily(@QueryParam("days") String days, @Context SecurityContext security) {
        return intake.daily(ActorPrincipal.of(security), QueryParams.parseInt("days", days, 14));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Leads whose contacts you may see, filtered and paged (keyset)", description = "Every role: a rep gets "
            + "the leads of their own contacts, a manager their team's, an admin all. Pass `nextCursor` as `cursor` for the next page.")
    public org.evergreencrm.api.Page<org.evergreencrm.api.lead.LeadSummary> search(@QueryParam("source") String source,
            @QueryParam("assignedTo") String assignedTo,
            @io.swagger.v3.oas.annotations.Parameter(description = "the contact's status") @QueryParam("status") String status,
            @QueryParam("tag") String tag, @QueryParam("receivedFrom") String from, @QueryParam("receivedTo") String to,
            @QueryParam("q") String text, @io.swagger.v3.oas.annotations.Parameter(description = "newest (default), oldest or score") @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context SecurityContext security) {
        org.evergreencrm.api.lead.LeadQuery query = new org.evergreencrm.api.lead.LeadQuery(source,
                QueryParams.parseLong("assignedTo", assignedTo),
                QueryParams.parseEnum("status", status, org.evergreencrm.api.contact.ContactStatus.class), tag,
                QueryParams.parseInstant("receivedFrom", from), QueryParams.parseInstant("receivedTo", to), text, sort, cursor,
                QueryParams.parseInt("limit", limit, 0));
        return intake.search(ActorPrincipal.of(security), query);
    }

    @GET
    @Operation(summary = "Recent leads, newest first: source, contact (new or existing), assignee and why, speed-to-lead timestamps")
    public List<Lead> recent(@QueryParam("limit") String limit, @Context SecurityContext security) {
        return intake.recent(managerOrAdmin(security), QueryParams.parseInt("limit", limit, 50));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One lead with its raw payload")
    public Lead get(@PathParam("id") long id, @Context SecurityContext security) {
        return intake.find(managerOrAdmin(security), id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Leads that could not be taken in, with the reason (open=true: only those still to replay)")
    public List<DeadLetter> deadLetters(@QueryParam("open") String openParam, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        managerOrAdmin(security);
        boolean open = QueryParams.parseBoolean("open", openParam);
        return intake.deadLetters(open, QueryParams.parseInt("limit", limit, 50));
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(summary = "Run an open dead letter through the intake pipeline again")
    public Lead replay(@PathParam("id") long id, @Context SecurityContext security) {
        return intake.replay(managerOrAdmin(security), id);
    }
}
