package dev.jetemu.sim.event;

/** Where a fact in the catalog comes from, so that a reader knows how far to trust it. */
public enum Provenance {
    /** Stated in the vendor's documentation. */
    DOCUMENTED,
    /** Not documented; inferred by analogy with what is (the IFD_ADD example, the topic names). */
    INFERRED,
    /** Not documented and nothing to infer from: the emulator's own choice, stated in the catalog. */
    CHOSEN
}
