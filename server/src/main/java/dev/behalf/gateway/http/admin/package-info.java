/**
 * The web UI's admin side (EAC-class): recipients by tab, the Mailbox / Group delegation pages with
 * single and bulk Save, the Explain tool and the who-can-do-what matrix, under {@code /api/admin/}.
 * Saves are checked against the EAC column of the seed table ({@code PermissionTable}, spec §3) and
 * applied as one change set through {@code LiveDirectory.apply}, the one mutation path.
 *
 * <pre>{@code
 * new AdminRoutes(directory, Dialect.EXCHANGE_ONLINE, "mail.contoso.com").install(router);
 * }</pre>
 */
package dev.behalf.gateway.http.admin;
