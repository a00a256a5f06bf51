package org.evergreencrm.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A row of {@code contact_email}. */
@Embeddable
public class EmailValue {
    @Column(name = "address", nullable = false, length = 254)
    private String address;
    @Column(name = "email_type", nullable = false, length = 16)
    private String type;
    @Column(name = "canonical", length = 254)
    private String canonical;

    protected EmailValue() {
    }

    public EmailValue(String address, String type, String canonical) {
        this.address = address;
        this.type = type;
        this.canonical = canonical;
    }

    public String getCanonical() {
        return canonical;
    }

    public String getAddress() {
        return address;
    }

    public String getType() {
        return type;
    }
}
