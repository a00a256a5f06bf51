package org.evergreencrm.api.address;

/** Who standardized an address: the offline USPS rules and ZIP data, the SmartyStreets service, or a person. */
public enum AddressSource { OFFLINE, SMARTYSTREETS, MANUAL }
