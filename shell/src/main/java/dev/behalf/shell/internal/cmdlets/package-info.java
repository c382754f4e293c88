/**
 * Not API (see {@link dev.behalf.shell.internal}). The cmdlets, grouped by what they work on
 * ({@code *-MailboxPermission}, Send As through {@code *-ADPermission} and {@code *-RecipientPermission},
 * {@code Set-*}, {@code Get-*}, {@code New-*}, {@code Remove-*}, group members, and the pipeline
 * cmdlets), collected in {@link dev.behalf.shell.internal.cmdlets.Cmdlets#STANDARD}.
 * Adding a cmdlet: a definition in one of these classes (or a new class listed in {@code Cmdlets}).
 */
package dev.behalf.shell.internal.cmdlets;
