/**
 * Fault rules: answer chosen submissions with Exchange Online's transient and throttling replies
 * ({@code 451 4.7.500 Server busy}, {@code 421 4.3.2}, {@code 452 4.5.3}, {@code 432 4.3.2}, {@code 554 5.2.0}),
 * so that an app's retry logic can be rehearsed. The SMTP stages consult {@link dev.behalf.gateway.faults.FaultRules}
 * as one check each; the HTTP API and {@code --faults FILE} edit them.
 */
package dev.behalf.gateway.faults;
