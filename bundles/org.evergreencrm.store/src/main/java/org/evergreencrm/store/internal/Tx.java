package org.evergreencrm.store.internal;

import java.sql.SQLException;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.evergreencrm.api.ConflictException;

/**
 * Runs work in one resource-local transaction on a fresh EntityManager: commit on return, roll back on any
 * exception, so a failed write never leaves half-written rows. (Aries JpaTemplate does not work with an OpenJPA
 * RESOURCE_LOCAL unit, see docs/architecture.md.)
 */
public final class Tx {
    private static final String UNIQUE_VIOLATION = "23505";
    private final EntityManagerFactory emf;

    public Tx(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <T> T call(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw new ConflictException(null, "the record was changed by someone else; reload it and try again");
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException(null, "a record with the same unique value already exists");
            }
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Read-only work: same isolation as {@link #call}, nothing is flushed. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
