package org.evergreencrm.store.internal.entity;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Version;

/** The {@code contact} table and its phone, email and tag rows. Mapped to and from the API record by ContactMapper. */
@Entity
@Table(name = "contact")
public class ContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    @Column(name = "version")
    private long version;
    @Column(name = "kind", nullable = false, length = 16)
    private String kind;
    @Column(name = "first_name", length = 100)
    private String firstName;
    @Column(name = "last_name", length = 100)
    private String lastName;
    @Column(name = "household_name", length = 200)
    private String householdName;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "pos")
    private List<PhoneValue> phones = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_email", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "pos")
    private List<EmailValue> emails = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", length = 64)
    private Set<String> tags = new HashSet<>();
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "contact_match_key", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "match_key", length = 200)
    private Set<String> matchKeys = new HashSet<>();
    @Column(name = "addr_line1", length = 200)
    private String line1;
    @Column(name = "addr_line2", length = 200)
    private String line2;
    @Column(name = "addr_city", length = 100)
    private String city;
    @Column(name = "addr_state", length = 100)
    private String state;
    @Column(name = "addr_postal_code", length = 20)
    private String postalCode;
    @Column(name = "addr_country", length = 2)
    private String country;
    @Column(name = "norm_given", length = 100)
    private String normGiven;
    @Column(name = "norm_family", length = 100)
    private String normFamily;
    @Column(name = "norm_delivery_line", length = 300)
    private String normDeliveryLine;
    @Column(name = "norm_postcode", length = 20)
    private String normPostcode;
    @Column(name = "source", length = 100)
    private String source;
    @Column(name = "owner_id")
    private Long ownerId;
    @Column(name = "status", nullable = false, length = 16)
    private String status;
    @Column(name = "custom_fields", length = 32000)
    private String customFields;
    @Column(name = "search_text", nullable = false, length = 4000)
    private String searchText;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "deleted_at")
    private Date deletedAt;

    public long getId() { return id; }
    public long getVersion() { return version; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getHouseholdName() { return householdName; }
    public void setHouseholdName(String householdName) { this.householdName = householdName; }
    public List<PhoneValue> getPhones() { return phones; }
    public List<EmailValue> getEmails() { return emails; }
    public Set<String> getTags() { return tags; }
    public Set<String> getMatchKeys() { return matchKeys; }
    public String getLine1() { return line1; }
    public String getLine2() { return line2; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getPostalCode() { return postalCode; }
    public String getCountry() { return country; }

    public void setAddress(String line1, String line2, String city, String state, String postalCode, String country) {
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        this.country = country;
    }

    public String getNormGiven() { return normGiven; }
    public String getNormFamily() { return normFamily; }
    public String getNormDeliveryLine() { return normDeliveryLine; }
    public String getNormPostcode() { return normPostcode; }

    public void setNormalized(String given, String family, String deliveryLine, String postcode) {
        this.normGiven = given;
        this.normFamily = family;
        this.normDeliveryLine = deliveryLine;
        this.normPostcode = postcode;
    }

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCustomFields() { return customFields; }
    public void setCustomFields(String customFields) { this.customFields = customFields; }
    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
    public Date getDeletedAt() { return deletedAt; }
    public void setDeletedAt(Date deletedAt) { this.deletedAt = deletedAt; }
}
