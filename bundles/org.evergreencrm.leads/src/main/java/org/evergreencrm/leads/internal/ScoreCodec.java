package org.evergreencrm.leads.internal;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.scoring.ScoreReason;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A lead's score reasons as the JSON text of the {@code score_reasons} column (at most 4000 characters: the top ones). */
final class ScoreCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 4000;

    private ScoreCodec() {
    }

    static String reasons(List<ScoreReason> reasons) {
        List<ScoreReason> kept = new ArrayList<>(reasons);
        try {
            String s = JSON.writeValueAsString(kept);
            while (s.length() > MAX && !kept.isEmpty()) {
                kept.remove(kept.size() - 1); // the smallest effects go first
                s = JSON.writeValueAsString(kept);
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code null} when the lead was unscored or stored before scores had reasons. */
    static LeadScore read(Double score, String priority, String model, String reasons) {
        if (score == null || (priority == null && model == null)) {
            return null;
        }
        try {
            List<ScoreReason> r = reasons == null ? List.of() : JSON.readValue(reasons, new TypeReference<List<ScoreReason>>() { });
            return new LeadScore(score, priority, model, r);
        } catch (JsonProcessingException e) {
            return new LeadScore(score, priority, model, List.of());
        }
    }
}
