package dev.behalf.policy.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one "did you mean" rule: a few edits at most, same first letter breaks ties, prefixes on request. */
class SpellingTest {

    @Test
    void theClosestNameWithinAFewEditsIgnoringCase() {
        assertEquals(Optional.of("raymonds"), Spelling.closest("Raymond", List.of("Terry Adams", "raymonds", "Raymond Sam")));
        assertEquals(Optional.of("Terry Adams"), Spelling.closest("terry adam", List.of("terrya", "Terry Adams")));
    }

    @Test
    void nothingWhenEveryCandidateIsTooFar() {
        // "jim" allows 2 edits: "kevin" is 5 away.
        assertEquals(Optional.empty(), Spelling.closest("jim", List.of("kevin", "helpdesk")));
        assertEquals(Optional.empty(), Spelling.closest("x".repeat(300), List.of("x".repeat(299))));
    }

    @Test
    void amongEquallyCloseOnesTheSameFirstLetterWins() {
        // One edit from each: "simple" keeps the first letter.
        assertEquals(Optional.of("simple"), Spelling.closest("sample", List.of("ample", "simple")));
        // Neither keeps it: the first given.
        assertEquals(Optional.of("bample"), Spelling.closest("xample", List.of("bample", "cample")));
    }

    @Test
    void prefixesCountOnlyWhenAsked() {
        List<String> parameters = List.of("Identity", "HiddenFromAddressListsEnabled", "DisplayName");
        assertEquals(Optional.of("HiddenFromAddressListsEnabled"), Spelling.closestOrPrefix("Hiden", parameters));
        assertEquals(Optional.empty(), Spelling.closest("Hiden", parameters));
    }

    @Test
    void theDistanceStopsAtTheLimit() {
        assertEquals(1, Spelling.distance("raymond", "raymonds", 3));
        assertEquals(3, Spelling.distance("raymond", "administrator", 3));
        assertEquals(2, Spelling.distance("abc", "xyzabc", 2));
    }
}
