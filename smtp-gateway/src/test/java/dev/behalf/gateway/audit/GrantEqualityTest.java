package dev.behalf.gateway.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@link DecisionRecord.Grant}'s written-out equals and hashCode tell every component apart, as a record's would. */
class GrantEqualityTest {
    private static DecisionRecord.Grant grant(String from, String outcome, String reason, Optional<String> target,
                                              Optional<String> trustee, List<String> via) {
        return new DecisionRecord.Grant(from, outcome, reason, target, trustee, via);
    }

    @Test
    void equalGrantsAreEqualWithEqualHashesAndEachComponentTellsThemApart() {
        DecisionRecord.Grant g = grant("a@contoso.com", "SendAs", "granted", Optional.of("Sales"), Optional.of("Terry"), List.of("G1"));
        DecisionRecord.Grant same = grant("a@contoso.com", "SendAs", "granted", Optional.of("Sales"), Optional.of("Terry"), List.of("G1"));
        assertEquals(g, same);
        assertEquals(g.hashCode(), same.hashCode());
        for (DecisionRecord.Grant other : List.of(
                grant("b@contoso.com", "SendAs", "granted", Optional.of("Sales"), Optional.of("Terry"), List.of("G1")),
                grant("a@contoso.com", "SendOnBehalf", "granted", Optional.of("Sales"), Optional.of("Terry"), List.of("G1")),
                grant("a@contoso.com", "SendAs", "denied", Optional.of("Sales"), Optional.of("Terry"), List.of("G1")),
                grant("a@contoso.com", "SendAs", "granted", Optional.empty(), Optional.of("Terry"), List.of("G1")),
                grant("a@contoso.com", "SendAs", "granted", Optional.of("Sales"), Optional.empty(), List.of("G1")),
                grant("a@contoso.com", "SendAs", "granted", Optional.of("Sales"), Optional.of("Terry"), List.of()))) {
            assertNotEquals(g, other, other.toString());
        }
        assertEquals(grant(null, null, null, Optional.empty(), Optional.empty(), List.of()),
                grant(null, null, null, Optional.empty(), Optional.empty(), List.of()));
    }
}
