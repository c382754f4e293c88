/**
 * Not API (see {@link dev.behalf.shell.internal}). The PowerShell language the shell understands:
 * {@link dev.behalf.shell.internal.language.Tokenizer} and
 * {@link dev.behalf.shell.internal.language.CmdletParser} turn text into a
 * {@link dev.behalf.shell.internal.language.Script} of pipelines whose arguments are matched to a
 * {@link dev.behalf.shell.internal.language.CmdletCatalog}'s parameters;
 * {@link dev.behalf.shell.internal.language.PipelineRunner} binds and runs them against an
 * {@link dev.behalf.shell.internal.language.ExecutionContext}. What flows between commands is an
 * {@link dev.behalf.shell.internal.language.Item}: a {@link dev.behalf.shell.internal.language.ShellObject},
 * a plain value, a secure string or formatted text. Knows no cmdlet and no output layout.
 */
package dev.behalf.shell.internal.language;
