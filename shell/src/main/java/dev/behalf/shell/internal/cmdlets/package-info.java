/**
 * Not API (see {@link dev.behalf.shell.internal}). The cmdlets, grouped by what they work on
 * ({@code *-MailboxPermission}, Send As through {@code *-ADPermission} and {@code *-RecipientPermission},
 * {@code Set-*}, {@code Get-*}, {@code New-*}, {@code Remove-*}, group members, and the pipeline
 * cmdlets), collected in {@link dev.behalf.shell.internal.cmdlets.Cmdlets#STANDARD}. Grants are
 * added and removed through {@link dev.behalf.policy.change.GrantEditor} on the Shell's rules, as the
 * web admin does on the EAC's, so the two apply one rule and one wording. Adding a cmdlet: a definition in one of these classes (or a new class listed in {@code Cmdlets}).
 */
package dev.behalf.shell.internal.cmdlets;
