package org.evergreencrm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console in a real browser (Debian's headless Chromium driven by Selenium) against the built distribution run
 * as its own process with demo data: sign-in, the call queue, a field error, merge and undo, an admin's bucket and
 * plugin, live updates and presence in a second session, notifications, and a rep refused another rep's contact.
 * Screenshots of each screen go to docs/console/ (docs/console.md shows them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path GEONAMES = AddressScenarios.sharedData("zip_centroids/geonames_US_postal_2024-04-12.txt.gz");
    private ExternalKaraf karaf;
    private final List<WebDriver> browsers = new ArrayList<>();
    private WebDriver rick;
    private WebDriver maria;
    private WebDriver admin;
    private Path shots;

    @BeforeAll
    void boot() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)";
            if (System.getenv("CI") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        shots = Path.of(System.getProperty("evergreen.screenshots", "../docs/console")).toAbsolutePath();
        Files.createDirectories(shots);
        Map<String, String> env = new java.util.HashMap<>(Map.of("EVERGREEN_DEMO_DATA", "60", "EVERGREEN_FEDERAL_WINDOW", "00:00-23:59",
                "EVERGREEN_LEAD_SLA_SECONDS", "20"));
        if (Files.isReadable(GEONAMES)) {
            env.put("EVERGREEN_ZIP_DATA", GEONAMES.toAbsolutePath().toString()); // the first-start import (docs/address.md)
        } else {
            System.out.println("[evergreen] GeoNames file not found at " + GEONAMES.toAbsolutePath() + ": the first-start ZIP import is not tried");
        }
        karaf = new ExternalKaraf("console-it", env);
        // calls at any hour of the test run: the state windows are the federal one's here
        karaf.append("etc/org.evergreencrm.compliance.cfg", "state.FL.window = 00:00-23:59\nstate.OK.window = 00:00-23:59");
        karaf.start().awaitReady(240);
        for (int i = 0; i < 240; i++) {
            JsonNode stats = json(karaf.get("/api/v1/queue/stats", "admin").body());
            if (stats.size() > 0 && stats.get(0).get("queued").asLong() >= 60) {
                break;
            }
            Thread.sleep(500);
        }
        rick = browser();
    }

    @AfterAll
    void stop() {
        browsers.forEach(WebDriver::quit);
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void aRepSignsIn() throws Exception {
        rick.get(karaf.baseUrl() + "/");
        wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        assertTrue(rick.getCurrentUrl().contains("/console/#/login"), rick.getCurrentUrl());
        String cold = firstLoad(rick);
        rick.navigate().refresh();
        wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        String warm = firstLoad(rick);
        Path out = Path.of("target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("console-first-load.md"), "| load | requests | transferred KiB | decoded KiB | time to interactive ms |\n"
                + "|---|---:|---:|---:|---:|\n| first (empty cache) | " + cold + " |\n| again (cache kept) | " + warm + " |\n");
        System.out.println("[evergreen] console first load: " + cold + "; again: " + warm);
        rick.findElement(By.id("login-user")).sendKeys("rick");
        rick.findElement(By.id("login-password")).sendKeys("wrong");
        rick.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement error = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".login .error")));
        assertTrue(error.getText().contains("wrong username or password"), error.getText());
        screenshot(rick, "login");
        java.net.http.HttpResponse<String> page = karaf.get("/console/", null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("'sha256-"), csp);
        signIn(rick, "rick");
        wait(rick).until(ExpectedConditions.textToBe(By.id("queue-title"), "My call queue"));
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".live-status"), "live"));
    }

    @Test
    @Order(2)
    void aRepWorksThreeContactsFromTheQueueWithTheKeyboard() throws Exception {
        rick.findElement(By.id("next-contact")).click();
        for (int i = 1; i <= 3; i++) {
            WebElement name = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-name")));
            String who = name.getText();
            assertFalse(rick.findElement(By.cssSelector("[data-test=callable]")).getText().isBlank());
            if (i == 1) {
                screenshot(rick, "queue");
            }
            rick.findElement(By.id("call-note")).sendKeys("browser call " + i);
            name.click(); // the keys work outside the note field
            new Actions(rick).sendKeys(i == 3 ? "2" : "1").perform();
            int n = i;
            wait(rick).until(d -> d.findElements(By.cssSelector(".screen-head .muted")).stream()
                    .anyMatch(e -> e.getText().equals(n + " worked this session")));
            wait(rick).until(d -> d.findElements(By.id("call-name")).isEmpty() || !d.findElement(By.id("call-name")).getText().equals(who));
        }
        JsonNode outcomes = json(karaf.get("/api/v1/queue/outcomes?days=1", "rick").body());
        long calls = 0;
        for (JsonNode o : outcomes) {
            calls += o.get("calls").asLong();
        }
        assertTrue(calls >= 3, "three calls recorded: " + outcomes);
    }

    @Test
    @Order(3)
    void aBadEmailIsShownAtTheFieldAndNothingIsSaved() throws Exception {
        long id = firstContactOf("rick");
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + id);
        wait(rick).until(ExpectedConditions.elementToBeClickable(By.id("edit-contact"))).click();
        WebElement email = rick.findElement(By.id("f-email"));
        email.clear();
        email.sendKeys("not-an-email");
        rick.findElement(By.id("save-contact")).click();
        WebElement error = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("e-email")));
        assertFalse(error.getText().isBlank());
        assertEquals("true", rick.findElement(By.id("f-email")).getAttribute("aria-invalid"));
        screenshot(rick, "contact-field-error");
        JsonNode stored = json(karaf.get("/api/v1/contacts/" + id, "rick").body());
        assertFalse(stored.toString().contains("not-an-email"), "a refused save changes nothing");
    }

    @Test
    @Order(4)
    void aDuplicateIsMergedSideBySideAndTheMergeUndone() throws Exception {
        long a = created(karaf.post("/api/v1/contacts", "rick", "{\"firstName\":\"Dana\",\"lastName\":\"Duplessis\","
                + "\"phones\":[{\"number\":\"813-555-0142\",\"type\":\"MOBILE\"}],\"address\":{\"line1\":\"12 Palm Ave\",\"city\":\"Tampa\",\"state\":\"FL\",\"postalCode\":\"33602\",\"country\":\"US\"}}"));
        long b = created(karaf.post("/api/v1/contacts", "rick", "{\"firstName\":\"Dana\",\"lastName\":\"Duplesis\","
                + "\"phones\":[{\"number\":\"(813) 555-0142\",\"type\":\"HOME\"}],\"emails\":[{\"address\":\"dana@example.org\"}]}"));
        karaf.post("/api/v1/duplicates/jobs", "admin", "{}");
        boolean found = false;
        for (int i = 0; i < 120 && !found; i++) {
            for (JsonNode p : json(karaf.get("/api/v1/duplicates/candidates?limit=500", "maria").body())) {
                found |= (p.get("contactA").asLong() == a && p.get("contactB").asLong() == b)
                        || (p.get("contactA").asLong() == b && p.get("contactB").asLong() == a);
            }
            Thread.sleep(500);
        }
        assertTrue(found, "the dedup run proposes the pair");
        // a rep is told that duplicates are their manager's; the manager merges side by side, then undoes it
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + a);
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//section[.//h2[@id='dup-title']]"), "reviewed and merged by your manager"));
        maria = browser();
        signIn(maria, "maria");
        maria.get(karaf.baseUrl() + "/console/#/contacts/" + a);
        WebElement merge = wait(maria).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=merge]")));
        scrollTo(maria, maria.findElement(By.id("dup-title")));
        screenshot(maria, "duplicates");
        merge.click();
        wait(maria).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=undo]")));
        assertEquals(404, karaf.get("/api/v1/contacts/" + b, "rick").statusCode(), "merged away");
        maria.findElement(By.cssSelector("[data-test=undo]")).click();
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//section[.//h2[@id='dup-title']]"), "undone by maria"));
        assertEquals(200, karaf.get("/api/v1/contacts/" + b, "rick").statusCode(), "the undo brought the other contact back");
    }

    @Test
    @Order(5)
    void anAdminCreatesABucket() throws Exception {
        admin = browser();
        signIn(admin, "admin");
        admin.get(karaf.baseUrl() + "/console/#/admin");
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("tab-buckets"))).click();
        wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("nb-name"))).sendKeys("browser-callbacks");
        admin.findElement(By.id("create-bucket")).click();
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=bucket-list]"), "browser-callbacks"));
        screenshot(admin, "admin-buckets");
        assertTrue(karaf.get("/api/v1/queue/buckets", "admin").body().contains("browser-callbacks"));
    }

    @Test
    @Order(6)
    void aSecondSessionSeesTheChangeAndThePresenceLive() throws Exception {
        long id = firstContactOf("rick");
        maria.get(karaf.baseUrl() + "/console/#/contacts/" + id);
        wait(maria).until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-title")));
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + id);
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".presence"), "Rick Rep is viewing this contact"));
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".presence"), "is viewing this contact"));
        WebElement note = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("note-text")));
        note.sendKeys("Roof is 12 years old, wants a quote @maria");
        rick.findElement(By.cssSelector("form[aria-label='Add a note'] button")).click();
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "Roof is 12 years old"));
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toasts"), "rick mentioned you"));
        tallScreenshot(maria, "contact-live"); // presence on top, the new note in the timeline below
        rick.findElement(By.id("task-title")).sendKeys("Send the roof quote");
        rick.findElement(By.id("task-due")).sendKeys("12312030");
        new Actions(rick).sendKeys(org.openqa.selenium.Keys.TAB).sendKeys("1000AM").perform();
        rick.findElement(By.cssSelector("form[aria-label='Add a task'] button[type=submit]")).click();
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "Send the roof quote"));
        rick.get(karaf.baseUrl() + "/console/#/tasks");
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Send the roof quote"));
        screenshot(rick, "tasks");
    }

    @Test
    @Order(7)
    void aManagerIsToldOfNewAssignmentsAndSlaBreaches() throws Exception {
        maria.get(karaf.baseUrl() + "/console/#/leads");
        wait(maria).until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-title")));
        assertEquals(202, karaf.postForm("/intake/forms/demo", "first_name=Lena&last_name=Live&phone=8135550177&zip=33602").statusCode(), "accepted");
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toasts"), "New lead from"));
        new WebDriverWait(maria, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header.top"), "Notifications"));
        new WebDriverWait(maria, Duration.ofSeconds(120)).until(d -> d.findElement(By.id("notif-panel")).getAttribute("innerHTML").contains("Speed-to-lead missed"));
        maria.navigate().refresh();
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.list"), "Lena Live"));
        screenshot(maria, "leads");
        maria.get(karaf.baseUrl() + "/console/#/dashboards");
        wait(maria).until(d -> d.findElements(By.cssSelector("canvas")).size() >= 5);
        Thread.sleep(500);
        screenshot(maria, "dashboards");
    }

    @Test
    @Order(8)
    void aRepCannotOpenAnotherRepsContactByUrl() throws Exception {
        String marker = "Privatova" + Long.toString(System.nanoTime(), 36);
        long ritas = created(karaf.post("/api/v1/contacts", "rita", "{\"firstName\":\"Nadia\",\"lastName\":\"" + marker
                + "\",\"phones\":[{\"number\":\"+44 20 7946 0958\",\"type\":\"MOBILE\"}]}"));
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + ritas);
        WebElement error = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=contact-error]")));
        assertTrue(error.getText().contains("not yours to see"), error.getText());
        assertFalse(rick.getPageSource().contains(marker), "nothing of the contact shows");
        JsonNode demo = json(karaf.get("/api/v1/contacts/" + firstContactOf("rita"), "rita").body());
        String name = demo.path("firstName").asText() + " " + demo.path("lastName").asText();
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + demo.get("id").asLong());
        wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=contact-error]")));
        String page = rick.getPageSource();
        int at = page.indexOf(name);
        assertTrue(at < 0, "rita's " + name + " shows on rick's page: …" + page.substring(Math.max(0, at - 300), Math.min(page.length(), at + 100)));
        rick.get(karaf.baseUrl() + "/console/#/leads");
        wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-title")));
        Thread.sleep(1000);
        assertFalse(rick.getPageSource().contains(marker), "nor in a list or a notification");
    }

    @Test
    @Order(8)
    void anAdminRunsTheBatchDuplicateSearchAndSeesTheStoredKeys() throws Exception {
        admin.get(karaf.baseUrl() + "/console/#/admin");
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("tab-duplicates"))).click();
        By keys = By.cssSelector("[data-test=dedup-keys]");
        new WebDriverWait(admin, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(keys, "DONE"));
        assertTrue(admin.findElement(keys).getText().contains("Version 2"), admin.findElement(keys).getText());
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=dedup-start]"))).click();
        By job = By.cssSelector("[data-test=dedup-job]");
        new WebDriverWait(admin, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(job, "DONE"));
        String text = admin.findElement(job).getText();
        assertTrue(text.contains("pairs") && text.contains("sent to review"), text);
        screenshot(admin, "admin-duplicates");
    }

    @Test
    @Order(9)
    void anAdminInstallsAndRemovesTheSamplePluginLive() throws Exception {
        By row = installPlugin("evergreen-sample-leadfeed");
        wait(admin).until(d -> d.findElement(row).getText().contains("Remove"));
        screenshot(admin, "admin-plugins");
        boolean polled = false;
        for (int i = 0; i < 60 && !polled; i++) { // the feed polls every few seconds once its bundle started
            polled = karaf.get("/api/v1/leads/feeds", "admin").body().contains("acme");
            Thread.sleep(500);
        }
        assertTrue(polled, "the plugin's feed runs");
        admin.findElement(row).findElement(By.cssSelector("button")).click();
        new WebDriverWait(admin, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(row, "not installed"));
        assertEquals(200, karaf.get("/api/v1/contacts?limit=1", "admin").statusCode(), "the core keeps running");
    }

    @Test
    @Order(10)
    void anAdminImportsZipDataAndARepFixesAnAddressWithSuggestions() throws Exception {
        admin.get(karaf.baseUrl() + "/console/#/admin");
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("tab-zips"))).click();
        WebElement status = wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=zip-status]")));
        if (Files.isReadable(GEONAMES)) {
            // imported at first start from EVERGREEN_ZIP_DATA
            new WebDriverWait(admin, Duration.ofSeconds(60)).until(d -> {
                d.navigate().refresh();
                d.findElement(By.id("tab-zips")).click();
                return d.findElement(By.cssSelector("[data-test=zip-status]")).getText().matches("(?s).*\\d{5} ZIPs known.*");
            });
        } else {
            assertTrue(status.getText().contains("state level only"), status.getText());
        }
        Path file = karaf.home.resolve("zips-" + System.nanoTime() + ".txt");
        Files.writeString(file, "US\t32501\tPensacola\tFlorida\tFL\tEscambia\t033\t\t\t30.4225\t-87.2244\t4\n"
                + "US\t09001\tAPO AA\t\t\t\t\t\t\t38.1105\t15.6613\t\n");
        admin.findElement(By.id("zip-file")).sendKeys(file.toString());
        admin.findElement(By.cssSelector("form[aria-labelledby=zip-title] button[type=submit]")).click();
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.list"), file.getFileName().toString()));
        assertTrue(admin.findElement(By.cssSelector("table.list")).getText().contains("1 ZIPs stored, 1 refused"));
        screenshot(admin, "admin-zip-data");

        long id = firstContactOf("rick");
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + id);
        wait(rick).until(ExpectedConditions.elementToBeClickable(By.id("edit-contact"))).click();
        for (String f : new String[] {"f-line1", "f-line2", "f-city", "f-state", "f-postalCode"}) {
            // keys, not clear(): Vue's v-model hears input events only
            rick.findElement(By.id(f)).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        }
        rick.findElement(By.id("f-line1")).sendKeys("500 north palafox street suite 2");
        rick.findElement(By.id("f-city")).sendKeys("pensac");
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=address-suggestions]"), "PENSACOLA"));
        WebElement first = rick.findElement(By.cssSelector("[data-test=address-suggestions] button"));
        assertTrue(first.getText().startsWith("500 N PALAFOX ST STE 2, PENSACOLA FL"), first.getText());
        screenshot(rick, "address-suggestions");
        first.click();
        assertEquals("PENSACOLA", rick.findElement(By.id("f-city")).getAttribute("value"));
        assertEquals("FL", rick.findElement(By.id("f-state")).getAttribute("value"));
        WebElement zip = rick.findElement(By.id("f-postalCode"));
        zip.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        zip.sendKeys("32501");
        rick.findElement(By.id("check-address")).click();
        WebElement check = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=address-check]")));
        assertTrue(check.getText().contains("not verified: standardized offline"), check.getText());
        assertTrue(check.getText().contains("PENSACOLA FL 32501"), check.getText());
        screenshot(rick, "address-check");
        rick.findElement(By.id("use-address")).click();
        assertEquals("500 N PALAFOX ST", rick.findElement(By.id("f-line1")).getAttribute("value"));
        assertEquals("STE 2", rick.findElement(By.id("f-line2")).getAttribute("value"));
        rick.findElement(By.id("save-contact")).click();
        wait(rick).until(ExpectedConditions.elementToBeClickable(By.id("edit-contact")));
        By card = By.cssSelector("[data-test=contact-address]");
        new WebDriverWait(rick, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(card, "PENSACOLA FL 32501"));
        String text = rick.findElement(card).getText();
        assertTrue(text.contains("500 N PALAFOX ST STE 2") && text.contains("not verified") && text.contains("America/Chicago"), text);
        scrollTo(rick, rick.findElement(By.id("address-title")));
        screenshot(rick, "contact-address");
        JsonNode stored = json(karaf.get("/api/v1/addresses/contacts/" + id, "rick").body());
        assertEquals("12033", stored.get("standard").get("metadata").get("countyFips").asText());
    }

    @Test
    @Order(11)
    void aRepSeesTheEnrichmentAndTheMapAndAnAdminReEnrichesEveryone() throws Exception {
        long id = firstContactOf("rick");
        rick.get(karaf.baseUrl() + "/console/#/contacts/" + id);
        By panel = By.cssSelector("[data-test=contact-enrichment]");
        // the address saved in the test before: Pensacola, Escambia county, at the ZIP centroid
        new WebDriverWait(rick, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(panel, "Escambia"));
        String text = rick.findElement(panel).getText();
        assertTrue(text.contains("Neighbourhood") && text.contains("Market (our history)") && text.contains("neighborhood, "), text);
        String map = rick.findElement(By.id("address-map-link")).getAttribute("href");
        assertTrue(map.startsWith("https://www.openstreetmap.org/?mlat=30.4225&mlon=-87.2244"), map);
        scrollTo(rick, rick.findElement(By.id("enrichment-title")));
        screenshot(rick, "contact-enrichment");
        rick.findElement(By.id("enrich-again")).click();
        wait(rick).until(ExpectedConditions.elementToBeClickable(By.id("enrich-again")));

        // the rep sets the standardized form by hand: a bad one is refused at the field, a good one is kept as MANUAL
        rick.findElement(By.id("address-by-hand")).click();
        WebElement line2 = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.id("hand-line2")));
        line2.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        line2.sendKeys("somewhere nice");
        rick.findElement(By.id("save-by-hand")).click();
        WebElement refused = wait(rick).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=address-by-hand] .field-error")));
        assertTrue(refused.getText().contains("not a readable US address") || refused.getText().contains("not understood") || refused.getText().contains("needs a delivery line, a state and a 5-digit ZIP"), refused.getText());
        line2.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        line2.sendKeys("Pensacola FL 32501");
        rick.findElement(By.id("save-by-hand")).click();
        wait(rick).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=address-source]"), "by hand"));
        assertEquals("MANUAL", json(karaf.get("/api/v1/addresses/contacts/" + id, "rick").body()).get("standard").get("source").asText());

        admin.get(karaf.baseUrl() + "/console/#/admin");
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("tab-enrichment"))).click();
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=enrichment-providers]"), "market:"));
        admin.findElement(By.id("enrich-all")).click();
        new WebDriverWait(admin, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.list"), "DONE"));
        String jobs = admin.findElement(By.cssSelector("table.list")).getText();
        assertTrue(jobs.contains("contacts standardized and enriched, 0 failed"), jobs);
        screenshot(admin, "admin-enrichment");
    }

    @Test
    @Order(12)
    void aManagerSeesALeadsPriorityAndWhyAfterAModelIsTrained() throws Exception {
        installPlugin("evergreen-scoring");
        Path dir = Files.createTempDirectory("console-scoring");
        StringBuilder csv = new StringBuilder("lead_source,homeowner,sold\n");
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 3_000; i++) {
            boolean referral = r.nextInt(3) == 0;
            boolean owner = r.nextInt(4) > 0;
            double p = 1 / (1 + Math.exp(-(-2.0 + (referral ? 1.6 : 0) + (owner ? 0.8 : -1.2))));
            csv.append(referral ? "referral" : "web").append(',').append(owner ? "yes" : "no").append(',').append(r.nextDouble() < p ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("h.csv"), csv);
        Files.writeString(dir.resolve("m.yaml"), "outcome: sold\npositive: ['1']\nfeatures:\n  lead_source: categorical\n  homeowner: boolean\n");
        String out = "";
        for (int i = 0; i < 30 && !out.contains("stored as model"); i++) { // the shell commands appear once the bundle started
            out = karaf.shell("crm:model-train --csv " + dir.resolve("h.csv") + " --mapping " + dir.resolve("m.yaml") + " --name console-it");
            Thread.sleep(i == 0 ? 0 : 1000);
        }
        assertTrue(out.contains("stored as model") && out.contains("(ACTIVE)"), out);
        assertEquals(202, karaf.postForm("/intake/forms/demo", "first_name=Petra&last_name=Priority&phone=8135550190&zip=33602"
                + "&lead_source=referral&homeowner=yes").statusCode());
        maria.get(karaf.baseUrl() + "/console/#/leads");
        By summary = By.cssSelector("details.lead-score summary");
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.list"), "Petra Priority"));
        maria.findElement(By.id("notif-button")).click(); // opened and closed: the new-lead toasts are read and go
        maria.findElement(By.id("notif-button")).click();
        wait(maria).until(d -> d.findElements(By.cssSelector("[data-test=toast]")).isEmpty());
        WebElement first = wait(maria).until(ExpectedConditions.visibilityOfElementLocated(summary));
        assertTrue(first.getText().startsWith("A "), first.getText());
        first.click();
        WebElement reasons = wait(maria).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("details.lead-score ul.reasons")));
        assertTrue(reasons.getText().contains("lead_source = referral"), reasons.getText());
        assertTrue(maria.findElement(By.cssSelector("details.lead-score")).getText().contains("by console-it v"), "the model is named");
        screenshot(maria, "leads-score");
    }

    @Test
    @Order(13)
    void anAdminTrainsFromAnUploadOnTheModelPageAndAManagerReadsIt() throws Exception {
        Path dir = Files.createTempDirectory("console-model");
        StringBuilder csv = new StringBuilder("lead_source;homeowner;call_seconds;sold\n");
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 2_500; i++) {
            boolean referral = r.nextInt(3) == 0;
            boolean owner = r.nextInt(4) > 0;
            boolean sold = r.nextDouble() < 1 / (1 + Math.exp(-(-2.0 + (referral ? 1.6 : 0) + (owner ? 0.8 : -1.2))));
            csv.append(referral ? "\"referral; friend\"" : "web").append(';').append(r.nextInt(30) == 0 ? "unknown" : owner ? "yes" : "no")
                    .append(';').append(sold ? 600 + r.nextInt(900) : r.nextInt(200)).append(';').append(sold ? "won" : "lost").append('\n');
        }
        Path history = Files.writeString(dir.resolve("spring-history.csv"), csv);
        Path leak = Files.writeString(dir.resolve("leak.yaml"), "outcome: sold\npositive: [won]\nfeatures:\n  lead_source: categorical\n"
                + "  homeowner: boolean\n  call_seconds: {type: numeric, afterOutcome: true}\n");
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "outcome: sold\npositive: [won]\nfeatures:\n  lead_source: categorical\n"
                + "  homeowner: boolean\ndrop: [call_seconds]\n");
        admin.get(karaf.baseUrl() + "/console/#/scoring");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=scorer]"), "console-it v"));
        wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=model-detail] canvas")));
        admin.findElement(By.id("train-name")).sendKeys("spring upload");
        admin.findElement(By.id("train-csv")).sendKeys(history.toString());
        admin.findElement(By.id("train-mapping")).sendKeys(leak.toString());
        admin.findElement(By.id("train-start")).click();
        WebElement refused = wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=mapping-error]")));
        assertTrue(refused.getText().contains("features.call_seconds") && refused.getText().contains("after the outcome"), refused.getText());
        admin.findElement(By.id("train-mapping")).sendKeys(ok.toString());
        admin.findElement(By.id("train-start")).click();
        By done = By.cssSelector("[data-test=trainings] tr[data-state=DONE]");
        WebElement job = new WebDriverWait(admin, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(done));
        assertTrue(job.getText().contains("spring upload") && job.getText().contains("logistic-l2 AUC"), job.getText());
        WebElement candidate = wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[@data-test='models']//tr[.//button[text()='spring upload']]")));
        assertTrue(candidate.getText().contains("CANDIDATE"), candidate.getText());
        candidate.findElement(By.xpath(".//button[text()='Promote']")).click();
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=scorer]"), "spring upload v"));
        WebElement detail = admin.findElement(By.cssSelector("[data-test=model-detail]"));
        assertTrue(detail.getText().contains("spring upload") && detail.getText().contains("ACTIVE"), detail.getText());
        assertEquals(10, detail.findElements(By.cssSelector("[data-test=deciles] tbody tr")).size());
        assertEquals(2, detail.findElements(By.cssSelector("canvas")).size(), "the calibration and the lift chart");
        tallScreenshot(admin, "scoring");

        maria.get(karaf.baseUrl() + "/console/#/scoring"); // a manager reads the registry, and cannot train or promote
        wait(maria).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=scorer]"), "spring upload v"));
        assertTrue(maria.findElements(By.id("train-start")).isEmpty());
        assertTrue(maria.findElements(By.xpath("//button[text()='Promote']")).isEmpty());
        rick.get(karaf.baseUrl() + "/console/#/scoring"); // a rep is sent to the queue
        wait(rick).until(ExpectedConditions.urlContains("#/queue"));
        assertTrue(rick.findElements(By.cssSelector("nav a[href='#/scoring']")).isEmpty(), "no Scoring link for a rep");
    }

    /** The admin installs an Evergreen feature on the Plugins tab; answers its row. */
    private By installPlugin(String feature) {
        admin.get(karaf.baseUrl() + "/console/#/admin");
        wait(admin).until(ExpectedConditions.elementToBeClickable(By.id("tab-plugins"))).click();
        By row = By.cssSelector("[data-plugin=" + feature + "]");
        wait(admin).until(ExpectedConditions.visibilityOfElementLocated(row)).findElement(By.cssSelector("button")).click();
        new WebDriverWait(admin, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(row, "installed"));
        return row;
    }

    /**
     * Requests, bytes over the wire, decoded bytes and time to interactive (the console's
     * {@code evergreen-interactive} mark) of the page just loaded, from the browser's own timing (a measurement for
     * docs/benchmarks.md, not an assertion).
     */
    private static String firstLoad(WebDriver d) {
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) x)
                .executeScript("return performance.getEntriesByName('evergreen-interactive').length > 0"));
        Object r = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("const nav = performance.getEntriesByType('navigation')[0];"
                + "const res = performance.getEntriesByType('resource');"
                + "const t = res.reduce((s, e) => s + e.transferSize, nav.transferSize);"
                + "const b = res.reduce((s, e) => s + e.decodedBodySize, nav.decodedBodySize);"
                + "const m = performance.getEntriesByName('evergreen-interactive')[0].startTime;"
                + "return (1 + res.length) + ' | ' + (t / 1024).toFixed(0) + ' | ' + (b / 1024).toFixed(0) + ' | ' + m.toFixed(0);");
        return String.valueOf(r);
    }

    /** The whole page (up to 2,000 px high) in one screenshot, then the laptop's window again. */
    private void tallScreenshot(WebDriver d, String name) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
        long height = ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.scrollHeight")).longValue();
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(2000, height + 140)));
        Thread.sleep(300);
        screenshot(d, name);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    /** Brings a part of the page into view for its screenshot (the viewport is a laptop's). */
    private static void scrollTo(WebDriver d, WebElement e) throws InterruptedException {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
        Thread.sleep(200);
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + karaf.home.resolve("chrome-" + browsers.size()));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver d = new ChromeDriver(service, options);
        browsers.add(d);
        return d;
    }

    private void signIn(WebDriver d, String user) {
        d.get(karaf.baseUrl() + "/console/#/login");
        wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        WebElement u = d.findElement(By.id("login-user"));
        u.clear();
        u.sendKeys(user);
        d.findElement(By.id("login-password")).sendKeys("evergreen");
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    private void screenshot(WebDriver d, String name) throws Exception {
        Path png = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private long firstContactOf(String user) throws Exception {
        JsonNode me = json(karaf.get("/api/v1/me", user).body());
        JsonNode page = json(karaf.get("/api/v1/contacts?limit=5&ownerId=" + me.get("id").asLong(), user).body());
        return page.get("items").get(0).get("id").asLong();
    }

    private static long created(java.net.http.HttpResponse<String> r) throws Exception {
        assertEquals(201, r.statusCode(), r.body());
        return json(r.body()).get("id").asLong();
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
