/**
 * The Exchange Management Shell subset: a tokenizer and parser for the PowerShell that Exchange's
 * documentation uses (parameters, quoting, lists, hashtables, sub-expressions, pipelines into
 * Where-Object / Select-Object / Format-Table / Format-List), the delegation and recipient cmdlets,
 * and PowerShell-like output. Every change goes through {@code LiveDirectory.apply}, one change set
 * per command line.
 *
 * <p>The public surface is these three types: {@link dev.behalf.shell.Shell},
 * {@link dev.behalf.shell.ShellResult} and {@link dev.behalf.shell.Confirmer}. Everything under
 * {@code dev.behalf.shell.internal} is public only so that its packages can see each other (as
 * SubEthaSMTP's {@code org.subethamail.smtp.internal}): it is not API and changes without notice.
 * <pre>{@code
 * Shell shell = new Shell(liveDirectory);
 * ShellResult r = shell.run("Add-ADPermission -Identity \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"");
 * }</pre>
 */
package dev.behalf.shell;
