package org.evergreencrm.leads.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.evergreencrm.leads", name = "Evergreen lead intake",
        description = "Web forms, the intake pipeline and where new leads go (etc/org.evergreencrm.leads.cfg)")
public @interface LeadsConfig {
    @AttributeDefinition(description = "Public keys of the web forms that may post leads (comma-separated); the source is web-form:KEY")
    String formKeys() default "";

    @AttributeDefinition(description = "Hidden form field that people leave empty and bots fill in")
    String honeypotField() default "website";

    @AttributeDefinition(description = "Origins (scheme://host[:port]) allowed to post forms from a browser and to be redirected to")
    String corsOrigins() default "";

    @AttributeDefinition(description = "Form posts allowed per client address per minute")
    int rateLimitPerMinute() default 20;

    @AttributeDefinition(description = "Folder where providers drop CSV (with a header line) and JSON files of leads; processed files go to done/, unreadable ones to failed/ (empty: off)")
    String dropFolder() default "";

    @AttributeDefinition(description = "Column of a dropped file holding the provider's lead id (else file name and line number)")
    String dropIdField() default "id";

    @AttributeDefinition(description = "Twilio auth token: inbound-call webhooks must carry a valid X-Twilio-Signature (empty: the endpoint is off)",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String twilioAuthToken() default "";

    @AttributeDefinition(description = "The public base URL Twilio calls (signatures cover the full URL), e.g. https://crm.example.com")
    String publicBaseUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Speed-to-lead SLA in seconds: an assigned lead whose contact has no call attempt by then is escalated (0: off)")
    int slaSeconds() default 0;

    @AttributeDefinition(description = "What an SLA breach does: REASSIGN (to the next rep, recorded) or ESCALATE (recorded and announced to managers)")
    String slaAction() default "REASSIGN";

    @AttributeDefinition(description = "Call-queue bucket new leads are put in (empty: none)")
    String intakeBucket() default "";

    @AttributeDefinition(description = "Leads per transaction when a file or a feed delivers many at once")
    int batchSize() default 500;

    @AttributeDefinition(description = "The assignment chain after the existing contact's owner, in order: availability, territory, caps, "
            + "least-loaded, performance, round-robin, and names of plugin strategies")
    String routingChain() default "availability, territory, caps, round-robin";

    @AttributeDefinition(description = "New leads a rep gets per day at most (0: no cap)")
    int dailyCap() default 0;

    @AttributeDefinition(description = "Open leads a rep may hold at most before getting more (0: no cap)")
    int maxOpenLeads() default 0;

    @AttributeDefinition(description = "Days of leads the performance link's close rates look at")
    int performanceDays() default 90;

    @AttributeDefinition(description = "File of ZIP centroids (GeoNames US.txt, or CSV with zip,lat,lng) for branch radii of leads no geocoder placed")
    String zipCentroidsFile() default "";
}
