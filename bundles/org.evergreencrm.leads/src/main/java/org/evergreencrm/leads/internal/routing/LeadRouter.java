package org.evergreencrm.leads.internal.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.LeadRoutingStrategy;
import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assignment chain: each link of {@code routingChain} narrows the active reps still in the running, in order;
 * when more than one is left at the end, round-robin picks. Built-in links and plugin strategies
 * ({@link LeadRoutingStrategy} services, by name) mix freely; a named link that is not installed is skipped and the
 * reason says so. Every choice comes with its reason in words. Deactivated reps are never candidates.
 */
public final class LeadRouter {
    private static final Logger LOG = LoggerFactory.getLogger(LeadRouter.class);
    private static final Duration WORKLOAD_FRESH = Duration.ofSeconds(30);
    private static final Duration RATES_FRESH = Duration.ofMinutes(5);

    /** The rep chosen (null: left unassigned for a manager) and why. */
    public record Choice(User rep, String reason) {
    }

    private final RoutingConfig config;
    private final RoutingStore store;
    private final UserService users;
    private final Supplier<Map<String, LeadRoutingStrategy>> plugins;
    private final Clock clock;
    private final Map<String, Link> builtIn;
    private final RoundRobinLink roundRobin = new RoundRobinLink();
    private final Turns turns;
    private volatile Cached<Map<Long, Long>> open = new Cached<>(Map.of(), Instant.EPOCH);
    private volatile Cached<Map<Long, RoutingStore.CloseRate>> rates = new Cached<>(Map.of(), Instant.EPOCH);

    private record Cached<T>(T value, Instant at) {
    }

    public LeadRouter(RoutingConfig config, RoutingStore store, UserService users, ZipCentroids zips,
            Supplier<Map<String, LeadRoutingStrategy>> plugins, Clock clock) {
        this.config = config;
        this.store = store;
        this.users = users;
        this.plugins = plugins;
        this.clock = clock;
        this.turns = new Turns(store, RoundRobinLink.STATE);
        config.problems().forEach(p -> LOG.error("routing setting in etc/org.evergreencrm.leads.cfg: {}", p));
        this.builtIn = Map.of("availability", new AvailabilityLink(), "territory", new TerritoryLink(config, zips), "caps",
                new CapsLink(config.dailyCap(), config.maxOpenLeads()), "least-loaded", new LeastLoadedLink(), "performance",
                new PerformanceLink(config), "round-robin", roundRobin);
    }

    /** Active reps in a stable order. */
    public List<User> activeReps() {
        return users.listUsers(Actor.system()).stream().filter(u -> u.active() && u.role() == Role.REP)
                .sorted(Comparator.comparingLong(User::id)).toList();
    }

    /** Reads what the chain needs for a batch of {@code leads} leads (a few queries, whatever the batch size). */
    public RoutingBatch begin(int leads) {
        Instant now = clock.instant();
        Instant today = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean workload = config.maxOpenLeads() > 0 || config.chain().contains("least-loaded");
        if (workload && open.at().plus(WORKLOAD_FRESH).isBefore(now)) {
            open = new Cached<>(store.openLeads(), now);
        }
        if (config.chain().contains("performance") && rates.at().plus(RATES_FRESH).isBefore(now)) {
            rates = new Cached<>(store.closeRates(now.minus(Duration.ofDays(config.performanceDays()))), now);
        }
        return new RoutingBatch(now, activeReps(), store.availability(), config.dailyCap() > 0 ? store.assignedSince(today) : Map.of(),
                workload ? open.value() : Map.of(), rates.value(), turns, leads);
    }

    public Choice route(RoutingBatch batch, RoutingRequest lead) {
        return route(batch, lead, null);
    }

    /** @param exclude a rep who must not get it (the one an SLA breach takes it from), or null */
    public Choice route(RoutingBatch batch, RoutingRequest lead, Long exclude) {
        List<User> candidates = exclude == null ? batch.reps : batch.reps.stream().filter(u -> u.id() != exclude).toList();
        if (candidates.isEmpty()) {
            return new Choice(null, exclude == null ? "no active rep to assign to: left unassigned for a manager" : "no other active rep");
        }
        List<String> why = new ArrayList<>();
        for (String name : config.chain()) {
            Narrowed n = narrow(name, lead, candidates, batch);
            if (n == null) {
                why.add(name + " is not installed: skipped");
                continue;
            }
            if (n.reason() != null) {
                why.add(n.reason());
            }
            if (n.keep().isEmpty()) {
                why.add("left unassigned for a manager");
                return new Choice(null, String.join("; ", why));
            }
            candidates = n.keep();
            if (name.equals("round-robin")) {
                break; // it picked one
            }
        }
        if (candidates.size() > 1) {
            Narrowed pick = roundRobin.narrow(lead, candidates, batch);
            why.add(pick.reason());
            candidates = pick.keep();
        } else if (why.isEmpty()) {
            why.add("only " + candidates.get(0).username() + " is active");
        }
        User rep = candidates.get(0);
        batch.assigned(rep.id());
        return new Choice(rep, String.join("; ", why));
    }

    private Narrowed narrow(String name, RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        Link link = builtIn.get(name);
        if (link != null) {
            return link.narrow(lead, candidates, batch);
        }
        LeadRoutingStrategy plugin = plugins.get().get(name);
        if (plugin == null) {
            return null;
        }
        try {
            Narrowed n = plugin.narrow(lead, candidates);
            List<User> keep = n.keep().stream().filter(candidates::contains).toList(); // a plugin can only narrow
            return new Narrowed(keep, n.reason() == null ? null : name + ": " + n.reason());
        } catch (RuntimeException e) {
            LOG.warn("routing strategy {} failed, skipped: {}", name, e.toString());
            return new Narrowed(candidates, name + " failed (" + e.getMessage() + "): skipped");
        }
    }

    /** The chain as configured, link by link. */
    public List<LeadRouting.Link> describe() {
        List<LeadRouting.Link> out = new ArrayList<>();
        out.add(new LeadRouting.Link("owner", true, "a lead for an existing contact goes to the contact's owner while that rep is active"));
        for (String name : config.chain()) {
            Link link = builtIn.get(name);
            if (link != null) {
                out.add(new LeadRouting.Link(name, true, link.rule()));
            } else {
                boolean installed = plugins.get().containsKey(name);
                out.add(new LeadRouting.Link(name, installed, installed ? "plugin strategy" : "not installed: skipped"));
            }
        }
        if (!config.chain().contains("round-robin")) {
            out.add(new LeadRouting.Link("round-robin", true, "picks among the reps left when more than one is"));
        }
        for (String problem : config.problems()) {
            out.add(new LeadRouting.Link("configuration", false, problem));
        }
        return out;
    }
}
