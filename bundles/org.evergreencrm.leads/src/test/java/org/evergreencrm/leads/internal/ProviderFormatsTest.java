package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadFeed;
import org.evergreencrm.leads.internal.routing.ZipCentroids;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What providers send, read: field maps, a polled API's pages, ZIP centroid files (GeoNames, when present). */
class ProviderFormatsTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Path SHARED = Path.of("../../../shared/data/zip_centroids");

    @Test
    void fieldMapsRenameTheirsToOursAndKeepTheRest() {
        FieldMap m = FieldMap.parse("firstName=fname, lastName = lname,phone=tel");
        assertEquals(Map.of("firstName", "Ann", "lastName", "Lee", "phone", "1", "roof", "metal"),
                m.map(Map.of("fname", "Ann", "lname", "Lee", "tel", "1", "roof", "metal")));
        assertEquals(Map.of("a", "1"), FieldMap.parse("").map(Map.of("a", "1")));
        assertEquals("fieldMap", assertThrows(ValidationException.class, () -> FieldMap.parse("firstName")).errors().get(0).field());
        assertThrows(ValidationException.class, () -> FieldMap.parse("=fname"));
    }

    @Test
    void aPolledPageGivesLeadsWithTheirIdsAndTheNextCursor() throws Exception {
        FieldMap m = FieldMap.parse("firstName=fname");
        LeadFeed.Batch b = PolledProvider.parse("acme", "/data/leads", "lead_id", "/next", m,
                "{\"data\":{\"leads\":[{\"lead_id\":\"A-1\",\"fname\":\"Ann\",\"tags\":[\"solar\"]},{\"fname\":\"NoId\"}]},\"next\":42}", NOW);
        assertEquals(2, b.leads().size());
        assertEquals("A-1", b.leads().get(0).sourceLeadId());
        assertEquals("Ann", b.leads().get(0).fields().get("firstName"));
        assertEquals("[\"solar\"]", b.leads().get(0).fields().get("tags"), "nested values are kept as JSON text");
        assertNull(b.leads().get(1).sourceLeadId(), "no id: the intake keeps it as a dead letter");
        assertEquals("42", b.nextCursor());
        assertEquals("feed:acme", b.leads().get(0).source());
        LeadFeed.Batch bare = PolledProvider.parse("acme", "", "id", "/next", m, "[{\"id\":\"B-1\"}]", NOW);
        assertEquals("B-1", bare.leads().get(0).sourceLeadId());
        assertNull(bare.nextCursor());
        assertTrue(assertThrows(IllegalStateException.class, () -> PolledProvider.parse("acme", "/leads", "id", "/next", m,
                "{\"error\":\"quota\"}", NOW)).getMessage().contains("no array of leads at /leads"));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> PolledProvider.parse("acme", "/leads", "id", "", m,
                "<html>503</html>", NOW));
        assertEquals("a=1&since=c+1%2F2", PolledProvider.query("a=1", "since", "c 1/2"));
        assertNull(PolledProvider.query(null, "since", null));
    }

    @Test
    void zipCentroidsFromGeoNamesFilesAgreeWithTheReferenceData() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "../shared/data/zip_centroids is absent: the GeoNames check is skipped");
        ZipCentroids csv = ZipCentroids.load(SHARED.resolve("us_zip_centroids.csv"));
        ZipCentroids geonames = ZipCentroids.load(SHARED.resolve("geonames_US_postal_2024-04-12.txt.gz"));
        assertEquals(41_481, csv.size(), "41,483 rows, two ZIPs listed twice");
        assertEquals(csv.size(), geonames.size());
        GeoPoint beverlyHills = csv.of("90210-1234").orElseThrow();
        assertEquals(34.0901, beverlyHills.latitude(), 1e-9);
        assertEquals(-118.4065, beverlyHills.longitude(), 1e-9);
        assertEquals("ZIP5", beverlyHills.precision());
        assertEquals(csv.of("02134"), geonames.of("02134"), "Allston, leading zero kept");
        assertEquals(21.316, csv.of("96860").orElseThrow().latitude(), 1e-9, "listed twice: the row with a state (Jbphh, HI) wins");
        assertTrue(csv.of("00000").isEmpty());
        assertTrue(csv.of("123").isEmpty());
    }

    @Test
    void aCsvOfOneselfIsReadByItsHeaderAndAMissingColumnIsSaid() throws Exception {
        Path f = Files.createTempFile("zips", ".csv");
        Files.writeString(f, "City,ZIP,LAT,LNG\n\"Orlando, FL\",32801,28.5383,-81.3792\n");
        assertEquals(28.5383, ZipCentroids.load(f).of("32801").orElseThrow().latitude(), 1e-9, "quoted commas, any case, any order");
        Files.writeString(f, "zip,latitude\n32801,28.5\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZipCentroids.load(f)).getMessage().contains("lat"));
        Files.delete(f);
    }
}
