package org.evergreencrm.address.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen addresses", description = "Offline USPS standardizer and ZIP geocoder (docs/address.md)")
public @interface AddressConfig {
    @AttributeDefinition(description = "GeoNames US postal file (US.txt or .txt.gz), imported at start when the ZIP "
            + "directory is empty; several files separated by commas (e.g. the territories' file). Empty: none")
    String zipDataFile() default "";

    @AttributeDefinition(description = "Standardize a contact's address whenever it is created or its address changes")
    boolean standardizeContacts() default true;
}
