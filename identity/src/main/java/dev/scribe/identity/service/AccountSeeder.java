package dev.scribe.identity.service;

import dev.scribe.identity.config.IdentityProperties;
import dev.scribe.identity.domain.ServiceClientRepository;
import dev.scribe.identity.domain.UserAccountRepository;
import dev.scribe.platform.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes the configured service clients and, when enabled, the demo users into the database at
 * start. It runs before the web server accepts requests, so no request is checked against an old
 * secret.
 */
@Component
public class AccountSeeder implements SmartInitializingSingleton {

    /** The demo institution and course, the same ids as the writing-analysis demo data. */
    static final String DEMO_INSTITUTION = "inst-demo";

    static final String DEMO_COURSE = "course-demo-101";

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 128;

    private record DemoUser(String id, Role role, List<String> courses) {}

    private static final List<DemoUser> DEMO_USERS =
            List.of(
                    new DemoUser("student-demo", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("student-demo-2", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("student-demo-3", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("student-demo-4", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("student-demo-5", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("student-demo-6", Role.STUDENT, List.of(DEMO_COURSE)),
                    new DemoUser("educator-demo", Role.EDUCATOR, List.of(DEMO_COURSE)),
                    new DemoUser("admin-demo", Role.ADMINISTRATOR, List.of()),
                    new DemoUser("researcher-demo", Role.RESEARCHER, List.of()));

    private static final Logger log = LoggerFactory.getLogger(AccountSeeder.class);

    private final IdentityProperties properties;
    private final UserAccountRepository accounts;
    private final ServiceClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    public AccountSeeder(
            IdentityProperties properties,
            UserAccountRepository accounts,
            ServiceClientRepository clients,
            PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedClients();
        if (properties.demo().enabled()) {
            seedDemoUsers();
        }
    }

    private void seedClients() {
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < properties.clients().size(); index++) {
            IdentityProperties.Client client = properties.clients().get(index);
            String name = "platform.identity.clients[" + index + "]";
            if (client.id() == null || client.id().isBlank()) {
                throw new IllegalStateException(name + ".id is missing");
            }
            if (!ids.add(client.id())) {
                throw new IllegalStateException(
                        name + ".id '" + client.id() + "' is used by another client");
            }
            String secret = secretOf(client, name);
            clients.upsert(
                    client.id(),
                    passwordEncoder.encode(secret),
                    client.scopes(),
                    client.audiences());
            log.info(
                    "Registered service client {} (scopes {}, audiences {})",
                    client.id(),
                    client.scopes(),
                    client.audiences());
        }
    }

    private static String secretOf(IdentityProperties.Client client, String name) {
        boolean hasValue = client.secret() != null && !client.secret().isBlank();
        boolean hasFile = client.secretFile() != null;
        if (hasValue == hasFile) {
            throw new IllegalStateException(
                    "Set exactly one of " + name + ".secret and " + name + ".secret-file");
        }
        String secret = hasValue ? client.secret() : firstLine(client.secretFile(), name);
        if (secret.length() < 16) {
            throw new IllegalStateException(
                    "The secret of "
                            + name
                            + " is "
                            + secret.length()
                            + " characters long; use at least 16 random characters");
        }
        return secret;
    }

    /**
     * Creates or updates the demo users. All of them get one hash of the shared demo password,
     * because hashing it nine times at cost 12 would add seconds to every start.
     */
    private void seedDemoUsers() {
        Path file = properties.demo().passwordFile();
        if (file == null) {
            throw new IllegalStateException(
                    "platform.identity.demo.enabled is true but"
                            + " platform.identity.demo.password-file is not set");
        }
        String password = firstLine(file, "platform.identity.demo.password-file");
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalStateException(
                    "The demo password in "
                            + file
                            + " is "
                            + password.length()
                            + " characters long; it must have 8 to 128 characters");
        }

        String hash = passwordEncoder.encode(password);
        for (DemoUser user : DEMO_USERS) {
            accounts.upsertDemoAccount(
                    user.id(), DEMO_INSTITUTION, user.role(), hash, user.courses());
        }
        log.info(
                "Created or updated {} demo users of institution {}",
                DEMO_USERS.size(),
                DEMO_INSTITUTION);
    }

    private static String firstLine(Path file, String property) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String line = content.lines().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw new IllegalStateException(property + " " + file + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + property + " " + file, e);
        }
    }
}
