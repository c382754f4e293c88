package dev.behalf.gateway.cli;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CmdletCompleterTest {

    private static List<String> complete(String line) {
        var parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        new CmdletCompleter().complete(null, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void completesCmdletNamesAtTheStartOfACommand() {
        assertTrue(complete("Add-Mail").contains("Add-MailboxPermission"));
        assertTrue(complete("Get-MailboxPermission ayla | ").contains("Format-Table"));
    }

    @Test
    void completesTheCurrentCmdletsParameters() {
        List<String> params = complete("Add-MailboxPermission -Identity ayla -Au");
        assertTrue(params.contains("-AutoMapping"), params.toString());
        assertTrue(params.contains("-AccessRights"), params.toString());
        assertFalse(params.contains("-GrantSendOnBehalfTo"), params.toString());
    }

    @Test
    void offersNothingForAnArgumentValue() {
        assertEquals(List.of(), complete("Add-MailboxPermission -Identity ay"));
    }
}
