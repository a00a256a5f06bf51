package org.evergreencrm.leads.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.evergreencrm.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One third-party lead provider posting to {@code POST /intake/providers/{name}}: a ConfigAdmin factory
 * configuration per provider ({@code etc/org.evergreencrm.leads.provider-NAME.cfg}) with its HMAC secret, the field
 * holding its lead id, and its field mapping.
 */
@Component(service = LeadProvider.class, configurationPid = "org.evergreencrm.leads.provider",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LeadProvider.Config.class, factory = true)
public final class LeadProvider {
    @ObjectClassDefinition(id = "org.evergreencrm.leads.provider", name = "Evergreen lead provider",
            description = "A provider webhook: POST /intake/providers/{name}, signed with HMAC-SHA256")
    public @interface Config {
        @AttributeDefinition(description = "Name in the URL; the leads' source is provider:NAME")
        String name();

        @AttributeDefinition(description = "Shared secret for the X-Evergreen-Signature header (sha256=hex of HMAC-SHA256 over the body)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String secret();

        @AttributeDefinition(description = "The payload field that holds the provider's id for the lead")
        String idField() default "id";

        @AttributeDefinition(description = "Field mapping, comma-separated ourField=theirField (firstName=fname,phone=tel)")
        String fieldMap() default "";
    }

    private final String name;
    private final byte[] secret;
    private final String idField;
    private final FieldMap fields;

    @Activate
    public LeadProvider(Config config) {
        if (config.name() == null || config.name().isBlank() || config.secret() == null || config.secret().length() < 16) {
            throw new ValidationException("secret", "a provider needs a name and a secret of at least 16 characters");
        }
        this.name = config.name().trim();
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        this.idField = config.idField();
        this.fields = FieldMap.parse(config.fieldMap());
    }

    String name() {
        return name;
    }

    String idField() {
        return idField;
    }

    /** Constant-time check of {@code sha256=<hex>} against the HMAC-SHA256 of the body. */
    boolean signed(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(header.substring(7).trim());
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Their field names to ours; unmapped fields pass through unchanged. */
    Map<String, String> map(Map<String, String> delivered) {
        return fields.map(delivered);
    }
}
