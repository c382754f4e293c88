/**
 * The Exchange Management Shell subset: a tokenizer and parser for the PowerShell that Exchange's
 * documentation uses (parameters, quoting, lists, hashtables, sub-expressions, pipelines into
 * Where-Object / Select-Object / Format-Table / Format-List), the delegation and recipient cmdlets,
 * and PowerShell-like output. Every change goes through {@code LiveDirectory.apply}, one change set
 * per command line. The public surface is {@link dev.behalf.policy.shell.Shell},
 * {@link dev.behalf.policy.shell.ShellResult} and {@link dev.behalf.policy.shell.Confirmer}.
 * <pre>{@code
 * Shell shell = new Shell(liveDirectory);
 * ShellResult r = shell.run("Add-ADPermission -Identity \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"");
 * }</pre>
 */
package dev.behalf.policy.shell;
