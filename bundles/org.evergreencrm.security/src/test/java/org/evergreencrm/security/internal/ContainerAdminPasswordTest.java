package org.evergreencrm.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerAdminPasswordTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithoutUsersGetsAnAdminWithARandomPassword() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# comment\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        assertTrue(ContainerAdminPassword.ensure(file, null));
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        String[] entry = p.getProperty("admin").split(",");
        assertTrue(entry[0].length() >= 20, "a long random password");
        assertFalse(entry[0].equals("admin"));
        assertEquals("_g_:admingroup", entry[1]);
        assertEquals("group,admin,manager,viewer,systembundles,ssh", p.getProperty("_g_:admingroup"), "the group stays");
        assertFalse(ContainerAdminPassword.ensure(file, "other"), "a file with a user is never changed again");
    }

    @Test
    void theEnvironmentMayGiveThePassword() throws Exception {
        Path file = dir.resolve("users.properties");
        assertTrue(ContainerAdminPassword.ensure(file, "s3cret-Passw0rd"));
        assertTrue(Files.readString(file).contains("admin = s3cret-Passw0rd,_g_:admingroup"));
    }
}
