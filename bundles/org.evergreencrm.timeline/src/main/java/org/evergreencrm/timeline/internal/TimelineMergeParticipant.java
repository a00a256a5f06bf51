package org.evergreencrm.timeline.internal;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MergeParticipant;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A merge moves the loser's activities, notes and tasks to the survivor; undo moves exactly those back. */
@Component(service = MergeParticipant.class)
public final class TimelineMergeParticipant implements MergeParticipant {
    private final TimelineStore store;

    @Activate
    public TimelineMergeParticipant(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.timeline)") SchemaReady schema) {
        this.store = new TimelineStore(ds);
    }

    @Override
    public void merged(long mergeId, long survivorId, long loserId) {
        store.merged(mergeId, survivorId, loserId);
    }

    @Override
    public void undone(long mergeId, long survivorId, long loserId) {
        store.undone(mergeId);
    }
}
