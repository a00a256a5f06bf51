package org.evergreencrm.leads.internal;

import java.util.List;

/** The body of the intake route: the leads of one delivery (a file's chunk, a feed's page, or a single lead). */
record LeadBatch(List<LeadWork> works) {
}
