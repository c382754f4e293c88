/**
 * Not API (see {@link dev.behalf.shell.internal}). How the shell prints: the objects Exchange's
 * cmdlets output, with their property names and default views
 * ({@link dev.behalf.shell.internal.format.RecipientViews},
 * {@link dev.behalf.shell.internal.format.PermissionViews}), and the layouts
 * ({@link dev.behalf.shell.internal.format.TableFormat} for {@code Format-Table},
 * {@link dev.behalf.shell.internal.format.ListFormat} for {@code Format-List},
 * {@link dev.behalf.shell.internal.format.Output} for the end of a pipeline).
 */
package dev.behalf.shell.internal.format;
