/**
 * Durability under {@code --data-dir}: the Maildir-style message files the store writes before it
 * acknowledges a delivery, and the directory journal that records every applied change set. Opened
 * together through {@link dev.behalf.mailstore.durable.DataDir#open}; no GreenMail type appears here.
 */
package dev.behalf.mailstore.durable;
