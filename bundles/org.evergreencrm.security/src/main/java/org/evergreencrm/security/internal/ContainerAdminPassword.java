package org.evergreencrm.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No default password for the container: Evergreen ships {@code etc/users.properties} (Karaf's own realm, used by the
 * SSH console, {@code bin/client} and JMX) without any user. At the first start this component adds the user
 * {@code admin} with the password from {@code EVERGREEN_CONTAINER_PASSWORD}, or a random one, makes the file
 * readable by its owner only, and says where the password is. It never changes a file that already has a user.
 */
@Component(immediate = true)
public final class ContainerAdminPassword {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerAdminPassword.class);
    static final String USER = "admin";

    @Activate
    public ContainerAdminPassword() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            return;
        }
        Path file = Path.of(etc, "users.properties");
        try {
            if (ensure(file, System.getenv("EVERGREEN_CONTAINER_PASSWORD"))) {
                String where = "the Karaf shell (SSH on localhost, bin/client) and JMX: user '" + USER + "', password in " + file;
                LOG.warn("No container user was configured; created {}", where);
                System.out.println("Evergreen created the container admin for " + where);
            }
        } catch (IOException e) {
            LOG.error("Could not set up the container admin in {}: {} (SSH and JMX accept nobody until it is fixed)", file,
                    e.getMessage());
        }
    }

    /** Adds the admin user when the file has no user at all; true when it did. */
    static boolean ensure(Path file, String given) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        for (String line : lines) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("!") && !t.startsWith("_g_") && t.contains("=")) {
                return false;
            }
        }
        String password = given != null && !given.isBlank() ? given.trim() : random();
        if (password.contains(",") || password.contains("\n")) {
            throw new IOException("EVERGREEN_CONTAINER_PASSWORD may not contain a comma or a line break");
        }
        String entry = System.lineSeparator() + "# created at first start (EVERGREEN_CONTAINER_PASSWORD or random)"
                + System.lineSeparator() + USER + " = " + password + ",_g_:admingroup" + System.lineSeparator();
        Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its permissions
        }
        return true;
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
