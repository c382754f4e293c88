package dev.behalf.policy.directory;

/** Whether an access control entry grants or refuses its right. Deny beats Allow (spec §3). */
public enum AccessControl {
    Allow, Deny
}
