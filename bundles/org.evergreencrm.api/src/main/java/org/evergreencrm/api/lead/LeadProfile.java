package org.evergreencrm.api.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.contact.ContactDraft;

/**
 * A lead as the optional intake steps see it and improve it: the source, the fields as delivered, the contact it
 * describes (cleaned and validated), where it is, and notes the steps left ("address standardized by smarty").
 */
public record LeadProfile(String source, Map<String, String> fields, ContactDraft contact, GeoPoint location, List<String> notes) {
    public LeadProfile {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // a source may send empty (null) fields
        notes = List.copyOf(notes);
    }

    public LeadProfile withContact(ContactDraft c) {
        return new LeadProfile(source, fields, c, location, notes);
    }

    public LeadProfile withLocation(GeoPoint p) {
        return new LeadProfile(source, fields, contact, p, notes);
    }

    public LeadProfile withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new LeadProfile(source, fields, contact, location, n);
    }
}
