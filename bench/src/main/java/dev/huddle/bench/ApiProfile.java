package dev.huddle.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The signature check's share of the server's time under the API load (issue #12's "under 5% of request time"): the
 * server runs with a JFR recording ({@link #JVM_OPTION}), and after a scenario its CPU samples taken in the measured
 * interval are split into those whose stack passes through the signing package (the filter, the verifier, the nonce
 * ledger, the credentials cache, the MAC) and all the others. Samples are taken of threads running Java code, so a
 * request parked while its nonce's batch is written counts for nothing, and the thread that writes the batch counts
 * in full.
 */
final class ApiProfile {
    /**
     * Start the server's recording: execution samples every 2 ms (the sampler takes a few running threads per tick), nothing written yet; stacks
     * deep enough that a sample inside the JDBC driver still shows the filter that called it.
     */
    static final String[] JVM_OPTIONS = {"-XX:FlightRecorderOptions:stackdepth=512",
            "-XX:StartFlightRecording=name=api-bench,settings=profile,jdk.ExecutionSample#period=2ms"};
    private static final String SIGNING_PACKAGE = "dev.huddle.authhmac.signing.";

    /** The samples of one scenario: all of them, and those inside the signature check. */
    record Share(String scenario, long samples, long inSignatureCheck, Map<String, Long> checkByMethod) {
        double percent() {
            return samples == 0 ? Double.NaN : 100.0 * inSignatureCheck / samples;
        }

        String row() {
            String where = checkByMethod.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f%% | %s |", scenario, samples, inSignatureCheck,
                    percent(), where);
        }
    }

    static final String HEADER = "| scenario (JFR, server) | CPU samples | in the signature check | share "
            + "| check's samples by its innermost method |\n|---|---:|---:|---:|---|";

    private ApiProfile() {
    }

    /** Dumps the server's recording so far and counts the samples taken between {@code from} and {@code to}. */
    static Share measure(Process server, Path dumpTo, String scenario, Instant from, Instant to)
            throws IOException, InterruptedException {
        Files.deleteIfExists(dumpTo);
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid()), "JFR.dump", "name=api-bench", "filename=" + dumpTo.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0 || !Files.exists(dumpTo)) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd could not dump the server's JFR recording to " + dumpTo);
        }
        long samples = 0;
        long inCheck = 0;
        Map<String, Long> bySigningMethod = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(dumpTo)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                samples++;
                if (passesThroughSigning(event.getStackTrace())) {
                    inCheck++;
                    bySigningMethod.merge(signingMethod(event.getStackTrace()), 1L, Long::sum);
                }
            }
        } finally {
            Files.deleteIfExists(dumpTo);
        }
        return new Share(scenario, samples, inCheck, bySigningMethod);
    }

    /** The check's method the sample was in, innermost first: which part of the check the time goes to. */
    private static String signingMethod(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (frame.isJavaFrame() && type.startsWith(SIGNING_PACKAGE)) {
                return type.substring(SIGNING_PACKAGE.length()) + "." + frame.getMethod().getName();
            }
        }
        return "?";
    }

    private static boolean passesThroughSigning(RecordedStackTrace stack) {
        if (stack == null) {
            return false;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame() && frame.getMethod().getType().getName().startsWith(SIGNING_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
