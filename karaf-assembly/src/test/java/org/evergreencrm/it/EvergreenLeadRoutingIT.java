package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The speed-to-lead SLA in the distribution (a 2-second SLA): a lead nobody called is reassigned, with the reason. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenLeadSlaIT extends EvergreenTestSupport {
    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(editConfigurationFilePut("etc/org.evergreencrm.leads.cfg", "slaSeconds", "2"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aLeadNobodyCalledWithinTheSlaIsReassignedWithTheReason() throws Exception {
        awaitAllBundlesActive();
        Scenarios.Users.create(http(), "sla" + (System.nanoTime() % 10_000)); // two reps (and a manager)
        String form = "first_name=Sally&last_name=Slow&phone=%28321%29+555-0142&submissionId=sla-1";
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + Integer.getInteger("evergreen.test.http.port") + "/intake/forms/demo")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 202, posted.statusCode());
        long id = new ObjectMapper().readTree(posted.body()).get("leadId").asLong();
        JsonNode first = http().send("GET", "/api/v1/leads/" + id, "admin", ADMIN_PASSWORD, null).json();
        JsonNode lead = first;
        for (int i = 0; i < 60 && !lead.get("assignmentReason").asText().contains("SLA"); i++) {
            Thread.sleep(250);
            lead = http().send("GET", "/api/v1/leads/" + id, "admin", ADMIN_PASSWORD, null).json();
        }
        String reason = lead.get("assignmentReason").asText();
        assertTrue(reason, reason.contains("SLA: no call attempt within 2 s of receipt, reassigned from"));
        assertNotEquals(first.get("assignedTo").asLong(), lead.get("assignedTo").asLong());
        JsonNode contact = http().send("GET", "/api/v1/contacts/" + lead.get("contactId").asLong(), "admin", ADMIN_PASSWORD, null).json();
        for (int i = 0; i < 40 && contact.get("ownerId").asLong() != lead.get("assignedTo").asLong(); i++) {
            Thread.sleep(250); // the lead is escalated first, then its contact moves
            contact = http().send("GET", "/api/v1/contacts/" + lead.get("contactId").asLong(), "admin", ADMIN_PASSWORD, null).json();
        }
        assertEquals("the contact follows the lead", lead.get("assignedTo").asLong(), contact.get("ownerId").asLong());
        Thread.sleep(3000);
        JsonNode later = http().send("GET", "/api/v1/leads/" + id, "admin", ADMIN_PASSWORD, null).json();
        assertEquals("escalated once, not again and again", reason, later.get("assignmentReason").asText());
    }
}
