package dev.behalf.shell.internal.format;

import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.Values;
import dev.behalf.shell.internal.language.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format-Table and Format-List layout, on hand-made objects. */
class FormattingTest {

    private static ShellObject row(String name, Object value) {
        return ShellObject.builder("Row").add("Name", name).add("Value", value).build(View.table("Name", "Value"));
    }

    private static List<View.Column> columns(String... names) {
        return View.table(names).columns();
    }

    @Test
    void aTableHasAHeaderDashesAsLongAsEachHeaderAndColumnsAsWideAsTheirCells() {
        String out = TableFormat.render(List.of(row("a", "x"), row("longer name", true)), columns("Name", "Value"), true, false);

        assertEquals("""

                Name        Value
                ----        -----
                a           x
                longer name True

                """, out);
    }

    @Test
    void numbersAreRightAlignedAndNullsAreBlank() {
        String out = TableFormat.render(List.of(row("a", 5), row("b", 1234), row("c", null)), columns("Name", "Value"), true, false);

        assertEquals("""

                Name Value
                ---- -----
                a        5
                b     1234
                c

                """, out);
    }

    @Test
    void collectionsShowInBracesAndStopAfterFourItems() {
        assertEquals("{a, b, c, d...}", Values.display(List.of("a", "b", "c", "d", "e")));
        assertEquals("{FullAccess}", Values.display(List.of("FullAccess")));
        assertEquals("{}", Values.display(List.of()));
    }

    @Test
    void withoutAutoSizeAWideTableIsNarrowedToTheConsoleWithEllipses() {
        String wide = "x".repeat(150);
        String out = TableFormat.render(List.of(row("a", wide)), columns("Name", "Value"), false, false);

        String line = out.lines().toList().get(3);
        assertEquals(TableFormat.CONSOLE_WIDTH, line.length());
        assertTrue(line.endsWith("xxx..."), line);
    }

    @Test
    void withAutoSizeNothingIsCut() {
        String wide = "x".repeat(150);
        String out = TableFormat.render(List.of(row("a", wide)), columns("Name", "Value"), true, false);

        assertTrue(out.contains(wide));
    }

    @Test
    void headersCanBeHidden() {
        assertEquals("\na x\n\n", TableFormat.render(List.of(row("a", "x")), columns("Name", "Value"), true, true));
    }

    @Test
    void aListAlignsTheColonsAndSeparatesObjectsWithABlankLine() {
        String out = ListFormat.render(List.of(row("a", List.of("p", "q")), row("b", false)), List.of());

        assertEquals("""

                Name  : a
                Value : {p, q}

                Name  : b
                Value : False

                """, out);
    }

    @Test
    void aListTakesWildcardPropertyNamesAndKeepsTheObjectsSpelling() {
        ShellObject o = ShellObject.builder("T").add("PrimarySmtpAddress", "a@b.c").add("EmailAddresses", List.of("SMTP:a@b.c"))
                .add("Name", "n").build(View.table("Name"));

        assertEquals("\nPrimarySmtpAddress : a@b.c\nEmailAddresses     : {SMTP:a@b.c}\nname               : n\n\n".replace("name ", "Name "),
                ListFormat.render(List.of(o), List.of("*address*", "name")));
    }

    @Test
    void lineBreaksInsideValuesDoNotBreakTheLayout() {
        assertEquals("\nName Value\n---- -----\na    x y\n\n", TableFormat.render(List.of(row("a", "x\ny")), columns("Name", "Value"), true, false));
    }
}
