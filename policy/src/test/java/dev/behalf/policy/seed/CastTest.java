package dev.behalf.policy.seed;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cast the tests name is the cast of {@code config/directory.yaml}. */
class CastTest {
    @Test
    void everyCastMemberIsInTheDemoDirectoryUnderItsNameAndAddress() throws IllegalAccessException {
        Directory demo = DemoDirectory.load();
        List<Cast.Person> people = new ArrayList<>();
        for (Field f : Cast.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Cast.Person.class) {
                people.add((Cast.Person) f.get(null));
            }
        }
        assertTrue(people.size() > 15, "found the cast: " + people);
        for (Cast.Person p : people) {
            Recipient r = DemoDirectory.find(demo, p.alias());
            assertEquals(p.name(), r.displayName(), p.alias());
            assertEquals(p.address(), r.primarySmtpAddress().orElseThrow().toString(), p.alias());
        }
    }

    @Test
    void theCastsPasswordSignsTheDemoPeopleIn() {
        Recipient jim = DemoDirectory.find(DemoDirectory.load(), Cast.JIM.upn());
        assertTrue(jim.account().flatMap(a -> a.password()).map(s -> s.matches(Cast.PASSWORD)).orElse(false));
        assertFalse(jim.account().flatMap(a -> a.password()).map(s -> s.matches(Cast.PASSWORD + "x")).orElse(true));
    }

    @Test
    void theMailersIdAndSecretAreTheDemoAppRegistrations() {
        var app = DemoDirectory.load().app(Cast.MAILER_APP_ID).orElseThrow();
        assertEquals("Contoso Mailer", app.displayName());
        assertTrue(app.clientSecret().map(s -> s.matches(Cast.MAILER_SECRET)).orElse(false));
    }
}
