package dev.huddle.authhmac.signing;

import java.time.Instant;
import java.util.UUID;

/**
 * One request's bid to use up a nonce, waiting in {@link NonceLedger} for the batch that writes it. Its thread waits
 * until the claim is decided (recorded or not), failed with the batch's error, or promoted to write the next batch
 * itself. The wait ignores interrupts: a promoted claim that walked away would leave the queue with no writer.
 */
final class NonceClaim {
    private enum State { WAITING, PROMOTED, RECORDED, NOT_RECORDED, FAILED }

    final UUID sessionId;
    final boolean admin;
    final String nonce;
    final Instant now;
    final Instant expiresAt;
    private State state = State.WAITING;
    private RuntimeException failure;

    NonceClaim(UUID sessionId, boolean admin, String nonce, Instant now, Instant expiresAt) {
        this.sessionId = sessionId;
        this.admin = admin;
        this.nonce = nonce;
        this.now = now;
        this.expiresAt = expiresAt;
    }

    /** Whether the two claims are for the same row of {@code nonce_cache} (its primary key: session and nonce). */
    boolean sameRowAs(UUID otherSessionId, String otherNonce) {
        return nonce.equals(otherNonce) && sessionId.equals(otherSessionId);
    }

    synchronized void decide(boolean recorded) {
        settle(recorded ? State.RECORDED : State.NOT_RECORDED);
    }

    synchronized void fail(RuntimeException error) {
        failure = error;
        settle(State.FAILED);
    }

    synchronized void promote() {
        settle(State.PROMOTED);
    }

    /** Waits until the claim is promoted (true: its thread writes the next batch) or decided (false). */
    synchronized boolean awaitPromotionOrVerdict() {
        boolean interrupted = false;
        while (state == State.WAITING) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return state == State.PROMOTED;
    }

    /** The verdict of a decided claim: true when its row was written; the batch's error when it failed. */
    synchronized boolean recorded() {
        if (state == State.FAILED) {
            throw failure;
        }
        if (state != State.RECORDED && state != State.NOT_RECORDED) {
            throw new IllegalStateException("The claim for a nonce is not decided yet");
        }
        return state == State.RECORDED;
    }

    private void settle(State next) {
        state = next;
        notifyAll();
    }

    @Override
    public String toString() {
        // Nonces are not secrets, but a claim has no reason to be logged with one.
        return "NonceClaim[" + sessionId + "]";
    }
}
