package org.evergreencrm.contacts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.demo.DemoDataService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo team "Solar East" (manager maria, reps rick and rita) and homeowner leads spread over them. Contacts go
 * through the normal service, so they are validated and announced like any other.
 */
@Component(service = DemoDataService.class)
public final class DemoDataGenerator implements DemoDataService {
    static final String TEAM = "Solar East";
    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen",
        "Carlos", "Maria", "Luis", "Ana", "Wei", "Mei", "Andre", "Keisha", "Ahmed", "Fatima", "Olga", "Ivan"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Nguyen", "Kim", "Patel", "Chen", "O'Brien"};
    private static final String[] STREETS = {"Oak St", "Maple Ave", "Cedar Ln", "Pine Dr", "Elm St", "Sunset Blvd",
        "Palm Way", "Lakeview Dr", "Magnolia Ct", "Hillcrest Rd"};
    /** City, state, ZIP prefix, area code: sunny markets where homeowners buy solar and roofs. */
    private static final String[][] CITIES = {{"Tampa", "FL", "336", "813"}, {"Orlando", "FL", "328", "407"},
        {"Phoenix", "AZ", "850", "602"}, {"Austin", "TX", "787", "512"}, {"Tulsa", "OK", "741", "918"},
        {"Las Vegas", "NV", "891", "702"}, {"Sacramento", "CA", "958", "916"}};
    private static final String[] SOURCES = {"web-form", "referral", "inbound-call", "provider:homeadvisor", "door-knock"};
    private static final String[] PRODUCTS = {"solar", "roofing", "windows", "hvac"};
    private final ContactService contacts;
    private final UserService users;

    @Activate
    public DemoDataGenerator(@Reference ContactService contacts, @Reference UserService users) {
        this.contacts = contacts;
        this.users = users;
    }

    @Override
    public Result generate(int count, IntConsumer progress) {
        if (count < 0) {
            throw new org.evergreencrm.api.ValidationException("contacts", "must be 0 or more");
        }
        int[] created = {0};
        Team team = users.findTeamByName(TEAM).orElseGet(() -> users.createTeam(Actor.system(), TEAM));
        List<User> owners = new ArrayList<>();
        owners.add(user("maria", "Maria Manager", Role.MANAGER, team, created));
        owners.add(user("rick", "Rick Rep", Role.REP, team, created));
        owners.add(user("rita", "Rita Rep", Role.REP, team, created));
        Random random = new Random(20261125L + contacts.count());
        for (int i = 1; i <= count; i++) {
            contacts.create(Actor.system(), contact(random, owners.get(random.nextInt(owners.size())).id()));
            if (i % 250 == 0 || i == count) {
                progress.accept(i);
            }
        }
        return new Result(created[0], count);
    }

    private User user(String username, String name, Role role, Team team, int[] created) {
        return users.findByUsername(username).orElseGet(() -> {
            created[0]++;
            return users.createUser(Actor.system(), new UserDraft(username, name,
                    username + "@evergreen.example", role, team.id(), true, DEMO_PASSWORD));
        });
    }

    static ContactDraft contact(Random r, long owner) {
        String first = pick(r, FIRST);
        String last = pick(r, LAST);
        String[] city = CITIES[r.nextInt(CITIES.length)];
        String phone = String.format(Locale.ROOT, "(%s) 555-%04d", city[3], r.nextInt(10_000));
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + r.nextInt(100) + "@example.com";
        PostalAddress address = new PostalAddress((100 + r.nextInt(9900)) + " " + pick(r, STREETS), null, city[0],
                city[1], city[2] + String.format(Locale.ROOT, "%02d", r.nextInt(100)), "US");
        String product = pick(r, PRODUCTS);
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("homeOwner", true);
        custom.put("roofAgeYears", 3 + r.nextInt(30));
        custom.put("monthlyPowerBill", 80 + r.nextInt(320));
        ContactStatus status = ContactStatus.values()[r.nextInt(ContactStatus.values().length)];
        return new ContactDraft(ContactKind.PERSON, first, last, null, List.of(new Phone(phone, Phone.PhoneType.MOBILE)),
                List.of(new Email(email, Email.EmailType.PERSONAL)), address, pick(r, SOURCES), owner, status,
                Set.of(product), custom);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
