package org.evergreencrm.smartystreets.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.evergreencrm.api.address.AddressVerifier;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.smartystreets.api.Sender;
import com.smartystreets.api.SigningSender;
import com.smartystreets.api.SmartySerializer;
import com.smartystreets.api.StaticCredentials;
import com.smartystreets.api.StatusCodeSender;
import com.smartystreets.api.URLPrefixSender;
import com.smartystreets.api.exceptions.BadCredentialsException;
import com.smartystreets.api.exceptions.GatewayTimeoutException;
import com.smartystreets.api.exceptions.InternalServerErrorException;
import com.smartystreets.api.exceptions.PaymentRequiredException;
import com.smartystreets.api.exceptions.ServiceUnavailableException;
import com.smartystreets.api.exceptions.SmartyException;
import com.smartystreets.api.us_street.Batch;
import com.smartystreets.api.us_street.Candidate;
import com.smartystreets.api.us_street.Client;
import com.smartystreets.api.us_street.Lookup;
import com.smartystreets.api.us_street.MatchType;

/**
 * The SmartyStreets US Street API through the official SDK: answers from the cache first (each one a lookup saved),
 * the rest in batches of up to 100, retried with backoff when throttled, slow or failing with 5xx, behind a circuit
 * breaker. Runs only when configured ({@code etc/org.evergreencrm.smartystreets.cfg} with the key pair); the
 * credentials are never logged or shown.
 */
@Component(service = AddressVerifier.class, configurationPid = "org.evergreencrm.smartystreets",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "service.ranking:Integer=100")
@Designate(ocd = SmartyConfig.class)
public final class SmartyVerifier implements AddressVerifier {
    /** The US Street API's address (the SDK's default). */
    static final String US_STREET = "https://us-street.api.smarty.com/street-address";
    private static final System.Logger LOG = System.getLogger(SmartyVerifier.class.getName());
    private final Client client;
    private final SmartyCache cache;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final int retries;
    private final long backoffMillis;
    private final Duration ttl;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    @Activate
    public SmartyVerifier(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.smartystreets)") SchemaReady schema, SmartyConfig config) {
        this(ds, config, Clock.systemUTC());
    }

    SmartyVerifier(DataSource ds, SmartyConfig config, Clock clock) {
        if (config.authId() == null || config.authId().isBlank() || config.authToken() == null || config.authToken().isBlank()) {
            throw new IllegalArgumentException("SmartyStreets needs authId and authToken (etc/org.evergreencrm.smartystreets.cfg)");
        }
        // The SDK's own chain (URL, signing, status codes → exceptions, its serializer) over the JDK's HTTP client:
        // our retries and breaker instead of its sleeping RetrySender, and timeouts that surface (see JdkSender).
        String url = config.baseUrl() == null || config.baseUrl().isBlank() ? US_STREET : config.baseUrl();
        Sender chain = new URLPrefixSender(url, new SigningSender(new StaticCredentials(config.authId(), config.authToken()),
                new StatusCodeSender(new JdkSender(Duration.ofMillis(Math.max(100, config.timeoutMillis()))))));
        this.client = new Client(chain, new SmartySerializer());
        this.cache = new SmartyCache(ds);
        this.breaker = new CircuitBreaker(config.breakerFailures(), Duration.ofSeconds(Math.max(1, config.breakerSeconds())), clock);
        this.clock = clock;
        this.retries = Math.max(0, config.retries());
        this.backoffMillis = Math.max(0, config.backoffMillis());
        this.ttl = Duration.ofDays(Math.max(0, config.cacheDays()));
        LOG.log(System.Logger.Level.INFO, "SmartyStreets verification on (auth id " + mask(config.authId()) + ")");
    }

    @Override
    public String name() {
        return "SmartyStreets";
    }

    @Override
    public List<Result> verify(List<Query> queries) {
        if (queries.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " addresses per call, got " + queries.size());
        }
        Result[] out = new Result[queries.size()];
        List<Integer> pending = new ArrayList<>();
        Instant fresh = clock.instant().minus(ttl);
        for (int i = 0; i < queries.size(); i++) {
            Optional<List<StandardAddress>> cached = cache.get(SmartyCache.text(queries.get(i)), fresh);
            if (cached.isPresent()) {
                hits.incrementAndGet();
                out[i] = new Result(cached.get(), null, true);
            } else {
                pending.add(i);
            }
        }
        if (!pending.isEmpty()) {
            String refused = breaker.refusal();
            if (refused != null) {
                for (int i : pending) {
                    out[i] = Result.failed(refused);
                }
            } else {
                send(queries, pending, out);
            }
        }
        return List.of(out);
    }

    private void send(List<Query> queries, List<Integer> pending, Result[] out) {
        Batch batch = new Batch();
        try {
            for (int i : pending) {
                batch.add(lookup(queries.get(i)));
            }
        } catch (SmartyException e) {
            throw new IllegalStateException(e); // BatchFullException: cannot happen below MAX_BATCH
        }
        String failure = null;
        boolean fatal = false;
        for (int attempt = 0; ; attempt++) {
            try {
                requests.incrementAndGet();
                lookups.addAndGet(pending.size());
                client.send(batch);
                failure = null;
                break;
            } catch (BadCredentialsException e) {
                failure = "401 bad credentials";
                fatal = true;
            } catch (PaymentRequiredException e) {
                failure = "402 payment required: out of credit";
                fatal = true;
            } catch (InternalServerErrorException | ServiceUnavailableException | GatewayTimeoutException e) {
                failure = "server error: " + e.getMessage();
            } catch (SmartyException e) {
                failure = e.getMessage() == null ? "refused: " + e.getClass().getSimpleName() : e.getMessage();
                fatal = !failure.contains("429") && !failure.toLowerCase(java.util.Locale.ROOT).contains("too many");
            } catch (IOException e) {
                failure = (e instanceof java.net.http.HttpTimeoutException || e instanceof java.io.InterruptedIOException
                        ? "timeout: " : "unreachable: ") + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                fatal = true;
            } catch (RuntimeException e) {
                // the SDK could not read the answer (e.g. a 429 page without candidates)
                failure = "unreadable answer: " + e.getMessage();
            }
            if (fatal || attempt >= retries) {
                break;
            }
            sleep(backoffMillis << attempt);
        }
        if (failure != null) {
            breaker.failed(failure, fatal);
            LOG.log(System.Logger.Level.WARNING, "SmartyStreets failed (" + failure + "); falling back to offline");
            for (int i : pending) {
                out[i] = Result.failed(failure);
            }
            return;
        }
        breaker.succeeded();
        Instant now = clock.instant();
        for (int k = 0; k < pending.size(); k++) {
            List<StandardAddress> found = new ArrayList<>();
            List<Candidate> result = batch.get(k).getResult();
            for (Candidate c : result == null ? List.<Candidate>of() : result) {
                found.add(SmartyMapper.map(c, now));
            }
            cache.put(SmartyCache.text(queries.get(pending.get(k))), found, now);
            out[pending.get(k)] = new Result(found, null, false);
        }
    }

    private static Lookup lookup(Query q) {
        Lookup l = new Lookup();
        l.setAddressee(q.addressee());
        l.setStreet(q.street());
        l.setSecondary(q.secondary());
        l.setCity(q.city());
        l.setState(q.state());
        l.setZipCode(q.zipcode());
        l.setMatch(MatchType.STRICT);
        return l;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String status() {
        return "SmartyStreets: " + requests.get() + " requests, " + lookups.get() + " lookups since start; " + hits.get()
                + " answered from the cache since start, " + cache.saved() + " lookups saved in all; circuit " + breaker.state();
    }

    static String mask(String id) {
        return id.length() <= 4 ? "****" : id.substring(0, 4) + "****";
    }
}
