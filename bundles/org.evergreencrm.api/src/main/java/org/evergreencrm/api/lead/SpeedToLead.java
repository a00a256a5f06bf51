package org.evergreencrm.api.lead;

/**
 * Speed to lead for one rep and source: leads assigned, how many were called (first claim from the call queue
 * after the lead arrived), the median and 90th percentile minutes from receipt to that first attempt, and how many
 * were attempted within the SLA.
 */
public record SpeedToLead(Long repId, String source, long leads, long attempted, Double medianMinutes, Double p90Minutes,
        long withinSla, int slaMinutes) {
}
