package org.tradeflows.model;

/** A filter that can ask for generated (synthetic) rows next to the facts; they are left out unless it does. */
public interface SyntheticChoice {

    /** True: include generated rows too; null or false: leave them out. */
    Boolean includeSynthetic();

    static boolean includes(SyntheticChoice choice) {
        return choice != null && Boolean.TRUE.equals(choice.includeSynthetic());
    }
}
