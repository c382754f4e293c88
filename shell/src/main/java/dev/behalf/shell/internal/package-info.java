/**
 * The shell's inside, not API: public types here are public only so that the shell's packages can
 * see each other. Use {@link dev.behalf.shell.Shell} instead; anything here may change without notice.
 * <ul>
 *   <li>{@code language}: the PowerShell front end, tokenizer to pipeline runner, and the values that
 *       flow through a pipeline;</li>
 *   <li>{@code cmdlets}: the cmdlets, each turning bound arguments into objects and directory changes;</li>
 *   <li>{@code format}: the objects Exchange's cmdlets output and how they print (default views,
 *       Format-Table, Format-List).</li>
 * </ul>
 * Dependencies run one way: {@code cmdlets} → {@code format} → {@code language} → policy.
 */
package dev.behalf.shell.internal;
