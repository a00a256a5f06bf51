package org.evergreencrm.store.internal.entity;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** The {@code contact_merge} table: the merge audit, enough to undo. */
@Entity
@Table(name = "contact_merge")
public class MergeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "survivor_id", nullable = false)
    private long survivorId;
    @Column(name = "loser_id", nullable = false)
    private long loserId;
    @Column(name = "probability")
    private Double probability;
    @Column(name = "survivor_before", nullable = false, length = 32000)
    private String survivorBefore;
    @Column(name = "loser_before", nullable = false, length = 32000)
    private String loserBefore;
    @Column(name = "survivor_after", nullable = false, length = 32000)
    private String survivorAfter;
    @Column(name = "field_sources", nullable = false, length = 4000)
    private String fieldSources;
    @Column(name = "merged_by", nullable = false, length = 64)
    private String mergedBy;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "merged_at", nullable = false)
    private Date mergedAt;
    @Column(name = "undone_by", length = 64)
    private String undoneBy;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "undone_at")
    private Date undoneAt;

    public long getId() { return id; }
    public long getSurvivorId() { return survivorId; }
    public void setSurvivorId(long survivorId) { this.survivorId = survivorId; }
    public long getLoserId() { return loserId; }
    public void setLoserId(long loserId) { this.loserId = loserId; }
    public Double getProbability() { return probability; }
    public void setProbability(Double probability) { this.probability = probability; }
    public String getSurvivorBefore() { return survivorBefore; }
    public void setSurvivorBefore(String survivorBefore) { this.survivorBefore = survivorBefore; }
    public String getLoserBefore() { return loserBefore; }
    public void setLoserBefore(String loserBefore) { this.loserBefore = loserBefore; }
    public String getSurvivorAfter() { return survivorAfter; }
    public void setSurvivorAfter(String survivorAfter) { this.survivorAfter = survivorAfter; }
    public String getFieldSources() { return fieldSources; }
    public void setFieldSources(String fieldSources) { this.fieldSources = fieldSources; }
    public String getMergedBy() { return mergedBy; }
    public void setMergedBy(String mergedBy) { this.mergedBy = mergedBy; }
    public Date getMergedAt() { return mergedAt; }
    public void setMergedAt(Date mergedAt) { this.mergedAt = mergedAt; }
    public String getUndoneBy() { return undoneBy; }
    public void setUndoneBy(String undoneBy) { this.undoneBy = undoneBy; }
    public Date getUndoneAt() { return undoneAt; }
    public void setUndoneAt(Date undoneAt) { this.undoneAt = undoneAt; }
}
