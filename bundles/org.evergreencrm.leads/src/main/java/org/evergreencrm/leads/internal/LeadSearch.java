package org.evergreencrm.leads.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadQuery;
import org.evergreencrm.api.lead.LeadSummary;
import org.evergreencrm.store.jdbc.Jdbc;
import org.evergreencrm.store.jdbc.SearchPatterns;

/**
 * The lead list: one query per page (the lead, its contact's name and status and the assignee in one join), keyset
 * paginated on the sort key and the id, so page 1,000 costs what page 1 does.
 */
final class LeadSearch {
    private static final String COLUMNS = Stream.of(LeadStore.LEAD_COLUMNS.split(","))
            .map(c -> "l." + c.trim()).collect(Collectors.joining(", "));
    private final DataSource ds;

    LeadSearch(DataSource ds) {
        this.ds = ds;
    }

    /** @param owners the owners whose contacts the actor may see; {@code null}: all */
    Page<LeadSummary> search(LeadQuery q, Set<Long> owners) {
        int limit = q.limit() == 0 ? 50 : q.limit();
        if (limit < 1 || limit > 200) {
            throw new ValidationException("limit", "1 to 200");
        }
        String sort = q.sort() == null || q.sort().isBlank() ? "newest" : q.sort().trim();
        if (!List.of("newest", "oldest", "score").contains(sort)) {
            throw new ValidationException("sort", "newest, oldest or score");
        }
        Cursor cursor = Cursor.parse(q.cursor(), sort);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(", k.kind AS c_kind, k.first_name AS c_first, k.last_name AS c_last, k.household_name AS c_household, ")
                .append("k.status AS c_status, u.username AS a_username FROM lead l JOIN contact k ON k.id = l.contact_id ")
                .append("LEFT JOIN crm_user u ON u.id = l.assigned_to WHERE k.deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (owners != null) {
            sql.append(" AND k.owner_id IN (-1");
            owners.stream().filter(java.util.Objects::nonNull).forEach(o -> sql.append(", ").append(o.longValue()));
            sql.append(')');
        }
        if (q.source() != null && !q.source().isBlank()) {
            sql.append(" AND l.source = ?");
            args.add(q.source().trim());
        }
        if (q.assignedTo() != null) {
            sql.append(" AND l.assigned_to = ?");
            args.add(q.assignedTo());
        }
        if (q.status() != null) {
            sql.append(" AND k.status = ?");
            args.add(q.status().name());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = k.id AND t.tag = ?)");
            args.add(q.tag().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.receivedFrom() != null) {
            sql.append(" AND l.received_at >= ?");
            args.add(q.receivedFrom());
        }
        if (q.receivedTo() != null) {
            sql.append(" AND l.received_at < ?");
            args.add(q.receivedTo());
        }
        for (String pattern : SearchPatterns.of(q.text())) {
            sql.append(" AND k.search_text LIKE ? ESCAPE '\\'");
            args.add(pattern);
        }
        switch (sort) {
            case "oldest" -> {
                if (cursor != null) {
                    sql.append(" AND l.id > ?");
                    args.add(cursor.id());
                }
                sql.append(" ORDER BY l.id ASC");
            }
            case "score" -> {
                if (cursor != null) {
                    // score descending with missing scores last, then id descending
                    sql.append(cursor.score() == null
                            ? " AND l.score IS NULL AND l.id < ?"
                            : " AND (l.score < ? OR l.score IS NULL OR (l.score = ? AND l.id < ?))");
                    if (cursor.score() != null) {
                        args.add(cursor.score());
                        args.add(cursor.score());
                    }
                    args.add(cursor.id());
                }
                sql.append(" ORDER BY CASE WHEN l.score IS NULL THEN 1 ELSE 0 END, l.score DESC, l.id DESC");
            }
            default -> {
                if (cursor != null) {
                    sql.append(" AND l.id < ?");
                    args.add(cursor.id());
                }
                sql.append(" ORDER BY l.id DESC");
            }
        }
        sql.append(" FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<LeadSummary> rows = Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Jdbc.bind(ps, i + 1, args.get(i));
                }
                List<LeadSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(summary(rs));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Lead last = rows.get(limit - 1).lead();
            next = sort.equals("score") ? (last.score() == null ? "n" : last.score().toString()) + ":" + last.id() : Long.toString(last.id());
        }
        return new Page<>(rows, next);
    }

    private static LeadSummary summary(ResultSet rs) throws java.sql.SQLException {
        Lead lead = LeadStore.lead(rs);
        String first = rs.getString("c_first");
        String last = rs.getString("c_last");
        String household = rs.getString("c_household");
        String name = "HOUSEHOLD".equals(rs.getString("c_kind")) && household != null ? household
                : ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return new LeadSummary(lead, name.isEmpty() ? "(no name)" : name, ContactStatus.valueOf(rs.getString("c_status")),
                rs.getString("a_username"));
    }

    private record Cursor(Double score, long id) {
        static Cursor parse(String s, String sort) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                if (sort.equals("score")) {
                    int colon = s.indexOf(':');
                    String score = s.substring(0, colon);
                    return new Cursor(score.equals("n") ? null : Double.valueOf(score), Long.parseLong(s.substring(colon + 1)));
                }
                return new Cursor(null, Long.parseLong(s));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "not a cursor of this listing; start again without one");
            }
        }
    }
}
