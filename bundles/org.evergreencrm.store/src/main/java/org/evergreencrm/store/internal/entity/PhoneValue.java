package org.evergreencrm.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A row of {@code contact_phone}. */
@Embeddable
public class PhoneValue {
    @Column(name = "phone_number", nullable = false, length = 40)
    private String number;
    @Column(name = "phone_type", nullable = false, length = 16)
    private String type;
    @Column(name = "e164", length = 40)
    private String e164;

    protected PhoneValue() {
    }

    public PhoneValue(String number, String type, String e164) {
        this.number = number;
        this.type = type;
        this.e164 = e164;
    }

    public String getE164() {
        return e164;
    }

    public String getNumber() {
        return number;
    }

    public String getType() {
        return type;
    }
}
