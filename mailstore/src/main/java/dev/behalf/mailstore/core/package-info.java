/**
 * Behalf's message store, the one copy of stored mail: {@link dev.behalf.mailstore.core.MessageStore}
 * keeps each accepted {@link dev.behalf.mailstore.core.Message} once and a small
 * {@link dev.behalf.mailstore.core.Slot} per placement in {@link dev.behalf.mailstore.core.Folder}s of
 * {@link dev.behalf.mailstore.core.Box}es, durable in a {@code Maildir} when there is a data dir.
 * Imports no protocol library: IMAP and POP3 reach it through {@code dev.behalf.mailstore.greenmail}.
 * Public for that package; not an API of the module.
 */
package dev.behalf.mailstore.core;
