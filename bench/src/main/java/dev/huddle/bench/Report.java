package dev.huddle.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report: per engine and size, each measurement's median, spread and ratios; then growth and targets. */
final class Report {
    private final Bench.Options options;
    private final Map<String, Map<Integer, Map<String, List<Double>>>> results;

    Report(Bench.Options options, Map<String, Map<Integer, Map<String, List<Double>>>> results) {
        this.options = options;
        this.results = results;
    }

    /** The title line alone, for a run that measured only the data-script corpus. */
    String header(String date) {
        return "## Results (" + date + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")\n";
    }

    String markdown(String date) {
        StringBuilder md = new StringBuilder(header(date)).append("\n")
                .append("Rounds: ").append(options.rounds()).append(" (").append(options.bigRounds())
                .append(" at 10,000), after ").append(options.warmup()).append(options.warmup() == 1 ? " warm-up round" : " warm-up rounds")
                .append(". Each ratio is taken round by round against the same round's floor")
                .append(" (or Flyway, or bare JVM), then the median is shown.\n");
        results.forEach((engine, bySize) -> bySize.forEach((size, measurements) -> {
            md.append("\n### ").append(engine).append(", ").append(size).append(" migrations\n\n")
                    .append("| measurement | median s | min–max s | × floor | × Flyway |\n|---|---|---|---|---|\n");
            List<Double> floor = measurements.get("floor");
            List<Double> flyway = measurements.getOrDefault("flyway migrate (cold)", null);
            measurements.forEach((name, times) -> {
                boolean cold = name.contains("(cold)") || name.equals("floor");
                List<Double> noOpReference = name.contains("no-op") ? measurements.get("flyway migrate (no-op)") : null;
                md.append("| ").append(name).append(" | ").append(Bench.seconds(Stats.median(times))).append(" | ")
                        .append(Bench.seconds(Stats.min(times))).append("–").append(Bench.seconds(Stats.max(times))).append(" | ")
                        .append(cold && floor != null ? ratio(Stats.medianRatio(times, floor)) : "").append(" | ")
                        .append(cold && flyway != null ? ratio(Stats.medianRatio(times, flyway))
                                : noOpReference != null ? ratio(Stats.medianRatio(times, noOpReference)) : "")
                        .append(" |\n");
            });
            List<Double> bare = measurements.get("bare JVM + JDBC select 1");
            List<Double> noOp = measurements.get("huddle up (no-op)");
            List<Double> bareWithFlags = measurements.get("bare JVM + JDBC select 1, launcher flags");
            List<Double> bareSameDatabase = measurements.get("bare JVM + JDBC select 1, same database");
            if (bare != null && noOp != null) {
                md.append("\nNo-op `up` with ").append(size).append(" applied: ").append(ratio(Stats.medianRatio(noOp, bare)))
                        .append(" a bare JVM + JDBC `select 1`")
                        .append(bareWithFlags == null ? "" : " (" + ratio(Stats.medianRatio(noOp, bareWithFlags))
                                + " the same bare JVM with the launcher's flags)")
                        .append(bareSameDatabase == null ? "" : "; " + ratio(Stats.medianRatio(noOp, bareSameDatabase))
                                + " the bare JVM on the same migrated database")
                        .append(".\n");
            }
            if (floor != null && measurements.containsKey("huddle up (cold)")) {
                double beyond = (Stats.median(measurements.get("huddle up (cold)")) - Stats.median(floor)) / size * 1000;
                md.append("Cold apply beyond the floor: ").append(String.format(Locale.ROOT, "%.2f", beyond)).append(" ms per migration.\n");
            }
            List<Double> booted = measurements.get("app boot, nothing pending");
            List<Double> off = measurements.get("app boot, migrations off");
            if (booted != null && off != null) {
                md.append("App boot with nothing pending: ").append(ratio(Stats.medianRatio(booted, off))).append(" its boot with migrations off.\n");
            }
        }));
        md.append(growth());
        return md.toString();
    }

    /** Marginal seconds per added migration between consecutive sizes, and the fixed cost they imply. */
    private String growth() {
        StringBuilder md = new StringBuilder("\n### Cost per added migration (ms) and fixed cost (s)\n\n");
        results.forEach((engine, bySize) -> {
            List<Integer> sizes = bySize.keySet().stream().sorted().toList();
            if (sizes.size() < 2) {
                return;
            }
            md.append("\n").append(engine).append(":\n\n| measurement |");
            for (int i = 1; i < sizes.size(); i++) {
                md.append(" ms/migration ").append(sizes.get(i - 1)).append("→").append(sizes.get(i)).append(" |");
            }
            md.append(" fixed s | growth |\n|---|").append("---|".repeat(sizes.size() + 1)).append("\n");
            for (String name : bySize.get(sizes.get(0)).keySet()) {
                if (name.startsWith("app boot") || name.startsWith("bare")) {
                    continue;
                }
                md.append("| ").append(name).append(" |");
                double first = 0;
                double last = 0;
                for (int i = 1; i < sizes.size(); i++) {
                    List<Double> small = bySize.get(sizes.get(i - 1)).get(name);
                    List<Double> large = bySize.get(sizes.get(i)).get(name);
                    if (small == null || large == null) {
                        md.append(" |");
                        continue;
                    }
                    double perMigration = Stats.marginal(Stats.median(small), sizes.get(i - 1), Stats.median(large), sizes.get(i));
                    if (i == 1) {
                        first = perMigration;
                    }
                    last = perMigration;
                    md.append(" ").append(String.format(Locale.ROOT, "%.3f", perMigration * 1000)).append(" |");
                }
                double fixed = Stats.median(bySize.get(sizes.get(0)).get(name)) - first * sizes.get(0);
                md.append(" ").append(Bench.seconds(fixed)).append(" | ")
                        .append(first > 0 ? ratio(last / first) : "").append(" |\n");
            }
        });
        return md.toString();
    }

    /**
     * The data-script corpus: per engine and INSERT count, the floor and Huddle's apply, then both on the variant whose
     * last statement fails. Ratios are taken round by round and listed, with their median.
     */
    String data(Map<String, Map<Integer, Map<String, List<Double>>>> data, Map<String, Map<Integer, List<String>>> errors) {
        StringBuilder md = new StringBuilder("\n### Data scripts: one migration of N single-row INSERTs\n\n")
                .append("Module `").append(DataCorpus.MODULE).append("`: a migration creates `").append(DataCorpus.TABLE)
                .append("`, the next one inserts N rows, one INSERT each (about 190 bytes a row). The failing variant adds one ")
                .append("INSERT at the very end that repeats the first id: every statement runs, then the last one fails. ")
                .append("Floor: `psql -X -v ON_ERROR_STOP=1 -1 -f` / `sqlite3 -bail` with BEGIN/COMMIT, table included. ")
                .append(options.dataRounds()).append(" rounds, no warm-up; ratios are per round (listed), median first.\n");
        data.forEach((engine, byRows) -> byRows.forEach((rows, measurements) -> {
            md.append("\n#### ").append(engine).append(", ").append(String.format(Locale.ROOT, "%,d", rows)).append(" INSERTs\n\n")
                    .append("| measurement | median s | min–max s | × floor | × Huddle's apply |\n|---|---|---|---|---|\n");
            List<Double> floor = measurements.get("floor");
            List<Double> apply = measurements.get("huddle up (cold)");
            measurements.forEach((name, times) -> {
                boolean failing = name.contains("failing");
                List<Double> floorReference = failing ? measurements.get("floor, failing at the last statement") : floor;
                md.append("| ").append(name).append(" | ").append(Bench.seconds(Stats.median(times))).append(" | ")
                        .append(Bench.seconds(Stats.min(times))).append("–").append(Bench.seconds(Stats.max(times))).append(" | ")
                        .append(name.startsWith("floor") || floorReference == null ? "" : perRound(times, floorReference)).append(" | ")
                        .append(failing && name.startsWith("huddle") && apply != null ? perRound(times, apply) : "").append(" |\n");
            });
            List<String> messages = errors.getOrDefault(engine, Map.of()).getOrDefault(rows, List.of());
            if (!messages.isEmpty()) {
                md.append("\nHuddle's error (first line): `").append(messages.get(0).replace("`", "'")).append("`")
                        .append(messages.get(0).contains("line " + DataCorpus.failingLine(rows)) ? " — names the failing line ("
                                + DataCorpus.failingLine(rows) + ")." : " — does not name line " + DataCorpus.failingLine(rows) + ".")
                        .append("\n");
            }
        }));
        return md.toString();
    }

    /** The median of the round-by-round ratios, then each round's ratio. */
    private static String perRound(List<Double> values, List<Double> references) {
        StringBuilder text = new StringBuilder(ratio(Stats.medianRatio(values, references))).append(" (");
        for (int i = 0; i < Math.min(values.size(), references.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", values.get(i) / references.get(i)));
        }
        return text.append(")").toString();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
