package dev.behalf.policy.decision;

/** The four outcomes of a submission (spec §4), as names for records, filters and JSON. */
public enum Outcome {
    Self, SendAs, SendOnBehalf, Denied
}
