package io.lookervault.vault;

/** Per-type outcome of a run; {@code total} counts the items present at the source (stored + failed). */
public record TypeCounts(long total, long newItems, long changed, long unchanged, long deleted, long failed) {}
