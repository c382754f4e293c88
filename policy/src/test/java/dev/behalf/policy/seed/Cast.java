package dev.behalf.policy.seed;

/**
 * The people, shared mailboxes and groups of the demo directory ({@code config/directory.yaml}) that
 * tests send as, sign in as and grant to. Names here must match the file: {@code CastTest} checks them.
 */
public final class Cast {
    /** Every demo account's password. */
    public static final String PASSWORD = "P@ssw0rd";
    /** The demo app registration, Contoso Mailer: its client id and secret get tokens from the identity platform. */
    public static final String MAILER_APP_ID = "3f2a7c1e-9b4d-4e6f-8a1b-2c3d4e5f6a7b";
    public static final String MAILER_SECRET = "Mailer~Secret~2026";

    public static final Person TERRY = new Person("Terry Adams", "terrya");
    public static final Person RAYMOND = new Person("Raymond Sam", "raymonds");
    public static final Person ESTHER = new Person("Esther Valle", "estherv");
    public static final Person AYLA = new Person("Ayla Kol", "ayla");
    public static final Person JIM = new Person("Jim Hance", "jimh");
    public static final Person FELIPE = new Person("Felipe Apodaca", "felipea");
    public static final Person JAMES = new Person("James Alvord", "jamesa");
    public static final Person PILAR = new Person("Pilar Pinilla", "pilarp");
    public static final Person SEAN = new Person("Sean Chai", "seanc");
    public static final Person HOLLY = new Person("Holly Holt", "hollyh");
    public static final Person SARA = new Person("Sara Davis", "sarad");
    public static final Person YAN = new Person("Yan Li", "yanli");
    public static final Person KAREN = new Person("Karen Toh", "karent");
    public static final Person KEVIN = new Person("Kevin Kelly", "kevink");

    public static final Person HELPDESK_TICKETS = new Person("Helpdesk Tickets", "helpdesktickets");
    public static final Person HELPDESK_SUPPORT = new Person("Helpdesk Support Team", "helpdesksupport");
    public static final Person EXECUTIVES = new Person("Contoso Executives", "executives");

    /** Mail-enabled security groups: Helpdesk holds Ayla and Jim, tempassistants Holly and Kevin. */
    public static final Person HELPDESK = new Person("Helpdesk", "helpdesk");
    public static final Person TEMPASSISTANTS = new Person("tempassistants", "tempassistants");
    public static final Person PRINTER_SUPPORT = new Person("Printer Support", "printersupport");

    private Cast() {
    }

    /** One demo recipient by display name and alias; its address and UPN are alias@contoso.com. */
    public record Person(String name, String alias) {
        public String address() {
            return alias + "@contoso.com";
        }

        public String upn() {
            return address();
        }

        /** {@code Name <alias@contoso.com>}, as a From header names it. */
        public String mailbox() {
            return name + " <" + address() + ">";
        }
    }
}
