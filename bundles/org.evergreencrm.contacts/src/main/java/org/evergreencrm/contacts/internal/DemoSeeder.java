package org.evergreencrm.contacts.internal;

import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.demo.DemoDataService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with demo data on start when {@code contacts} > 0 (the README's run command sets it
 * through the environment variable EVERGREEN_DEMO_DATA), in the background, then prints where to sign in.
 */
@Component(configurationPid = "org.evergreencrm.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoSeeder.Config.class)
public final class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    @ObjectClassDefinition(name = "Evergreen demo data", description = "Seeds an empty CRM with demo users and contacts")
    public @interface Config {
        @AttributeDefinition(description = "Contacts to create when the CRM has none (0 = never seed)")
        int contacts() default 0;

        @AttributeDefinition(description = "Base URL printed in the ready message")
        String baseUrl() default "http://localhost:8181";
    }

    private final Thread worker;

    @Activate
    public DemoSeeder(@Reference DemoDataService demo, @Reference ContactService contacts, @Reference org.osgi.service.event.EventAdmin events,
            Config config) {
        int wanted = config.contacts();
        worker = new Thread(() -> run(demo, contacts, events, wanted, config.baseUrl()), "evergreen-demo-seeder");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(DemoDataService demo, ContactService contacts, org.osgi.service.event.EventAdmin events, int wanted,
            String baseUrl) {
        try {
            if (wanted > 0 && contacts.count() == 0) {
                LOG.info("Seeding {} demo contacts", wanted);
                DemoDataService.Result result = demo.generate(wanted, n -> LOG.info("demo data: {}/{} contacts", n, wanted));
                LOG.info("Demo data ready: {} users, {} contacts", result.usersCreated(), result.contactsCreated());
                events.postEvent(new org.osgi.service.event.Event(DemoDataService.SEEDED,
                        java.util.Map.of("contacts", result.contactsCreated())));
            }
            if (!awaitApi(baseUrl)) {
                if (!Thread.currentThread().isInterrupted()) {
                    LOG.warn("The REST API did not answer at {} within 120 s; not printing the sign-in help", baseUrl);
                }
                return;
            }
            if (wanted > 0) {
                System.out.println();
                System.out.println("Evergreen CRM is ready: " + baseUrl + "/console/  (API docs: " + baseUrl + "/docs/)");
                System.out.println("Sign in as admin (password: EVERGREEN_ADMIN_PASSWORD, default '" + DemoDataService.DEMO_PASSWORD
                        + "'), or as the demo users maria (manager), rick and rita (reps) with password '"
                        + DemoDataService.DEMO_PASSWORD + "'.");
            }
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be created: {}", e.getMessage(), e);
        }
    }

    /** True once {@code GET /api/v1/openapi.json} answers 200 (the banner must not send newcomers to a 404). */
    private static boolean awaitApi(String baseUrl) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                java.net.http.HttpResponse<Void> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl + "/api/v1/openapi.json")).timeout(java.time.Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Deactivate
    void stop() {
        worker.interrupt();
    }
}
