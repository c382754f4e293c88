package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The organization a directory belongs to: its name, the Active Directory domain that names objects
 * ({@code DC=contoso,DC=com}, {@code CONTOSO\sam}) and the accepted SMTP domains.
 *
 * @param name            organization name, used in LegacyExchangeDN ({@code /o=Contoso})
 * @param domain          the AD domain, e.g. {@code contoso.com}
 * @param acceptedDomains SMTP domains this server is authoritative for; the first is the default
 */
public record Organization(String name, String domain, List<String> acceptedDomains) {

    public Organization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        if (domain.isBlank() || !domain.contains(".")) {
            throw new IllegalArgumentException("organization domain '" + domain + "' must look like contoso.com");
        }
        domain = domain.strip().toLowerCase(Locale.ROOT);
        acceptedDomains = acceptedDomains.isEmpty() ? List.of(domain) : lowerCased(acceptedDomains);
    }

    /** The NetBIOS name used in {@code DOMAIN\SamAccountName}, e.g. {@code CONTOSO}. */
    public String netbiosName() {
        return domain.substring(0, domain.indexOf('.')).toUpperCase(Locale.ROOT);
    }

    /** {@code DC=contoso,DC=com}. */
    public String domainDn() {
        StringBuilder sb = new StringBuilder();
        for (String part : domain.split("\\.")) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append("DC=").append(part);
        }
        return sb.toString();
    }

    /** The name of the domain controller printed in "couldn't be found on" messages. */
    public String domainController() {
        return "DC1." + domain;
    }

    public String defaultDomain() {
        return acceptedDomains.get(0);
    }

    public boolean isAccepted(SmtpAddress address) {
        return acceptedDomains.stream().anyMatch(address::inDomain);
    }

    /** {@code CN=<name>,CN=Users,DC=contoso,DC=com}, with LDAP escaping of the name. */
    public String defaultDistinguishedName(String objectName) {
        return "CN=" + escapeRdn(objectName) + ",CN=Users," + domainDn();
    }

    /** {@code /o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alias}. */
    public String defaultLegacyExchangeDn(String alias) {
        return "/o=" + name + "/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + alias;
    }

    /**
     * The canonical name of an object: domain, then the DN's containers outermost first
     * ({@code contoso.com/Users/Terry Adams}).
     */
    public String canonicalName(String distinguishedName) {
        List<String> rdns = DistinguishedNames.split(distinguishedName);
        StringBuilder sb = new StringBuilder(domain);
        for (int i = rdns.size() - 1; i >= 0; i--) {
            String rdn = rdns.get(i);
            int eq = rdn.indexOf('=');
            String type = rdn.substring(0, Math.max(eq, 0)).strip();
            if (type.equalsIgnoreCase("DC")) {
                continue;
            }
            sb.append('/').append(DistinguishedNames.unescape(rdn.substring(eq + 1)));
        }
        return sb.toString();
    }

    private static String escapeRdn(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (",+\"\\<>;=".indexOf(c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == value.length() - 1 && c == ' ')) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Domains stripped, lower-cased, each once, in their order (a loop: start-up links no lambda here). */
    private static List<String> lowerCased(List<String> domains) {
        List<String> out = new ArrayList<>(domains.size());
        for (String d : domains) {
            String lower = d.strip().toLowerCase(Locale.ROOT);
            if (!out.contains(lower)) {
                out.add(lower);
            }
        }
        return List.copyOf(out);
    }
}
