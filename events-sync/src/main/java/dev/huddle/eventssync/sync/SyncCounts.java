package dev.huddle.eventssync.sync;

/** What a run wrote: rows created, updated (changed or back upstream) and marked removed upstream. */
record SyncCounts(int created, int updated, int removed) {
    SyncCounts plus(SyncCounts other) {
        return new SyncCounts(created + other.created, updated + other.updated, removed + other.removed);
    }
}
