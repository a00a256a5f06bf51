package org.evergreencrm.compliance.internal;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MergeParticipant;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consent and revocation records follow a merge: the loser's move to the survivor, so every revocation of either
 * person applies to the merged contact (the most restrictive record wins in {@link CallPolicy}); records kept per
 * phone number need no move, the survivor keeps both people's numbers. Undo moves exactly those records back.
 */
@Component(service = MergeParticipant.class)
public final class ConsentMergeParticipant implements MergeParticipant {
    private final ComplianceStore store;

    @Activate
    public ConsentMergeParticipant(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.compliance)") SchemaReady schemaReady) {
        this.store = new ComplianceStore(ds);
    }

    ConsentMergeParticipant(ComplianceStore store) {
        this.store = store;
    }

    @Override
    public void merged(long mergeId, long survivorId, long loserId) {
        store.moveConsents(mergeId, survivorId, loserId);
    }

    @Override
    public void undone(long mergeId, long survivorId, long loserId) {
        store.restoreConsents(mergeId, loserId);
    }
}
