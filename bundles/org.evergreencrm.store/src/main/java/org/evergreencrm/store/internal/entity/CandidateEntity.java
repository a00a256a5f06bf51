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

/** The {@code dedup_candidate} table: the review queue. */
@Entity
@Table(name = "dedup_candidate")
public class CandidateEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "contact_a", nullable = false)
    private long contactA;
    @Column(name = "contact_b", nullable = false)
    private long contactB;
    @Column(name = "probability", nullable = false)
    private double probability;
    @Column(name = "explanation", length = 8000)
    private String explanation;
    @Column(name = "status", nullable = false, length = 16)
    private String status;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;
    @Column(name = "decided_by", length = 64)
    private String decidedBy;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "decided_at")
    private Date decidedAt;

    public long getId() { return id; }
    public long getContactA() { return contactA; }
    public void setContactA(long contactA) { this.contactA = contactA; }
    public long getContactB() { return contactB; }
    public void setContactB(long contactB) { this.contactB = contactB; }
    public double getProbability() { return probability; }
    public void setProbability(double probability) { this.probability = probability; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Date getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Date decidedAt) { this.decidedAt = decidedAt; }
}
