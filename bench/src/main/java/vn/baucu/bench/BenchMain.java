package vn.baucu.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each figure with its ratio to the baseline measured in the same run
 * (these machines are shared and noisy: compare ratios, not absolute times, between runs).
 * {@code java -jar bench/target/benchmarks.jar [regex]}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : ContestEvaluationBench.class.getSimpleName();
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(include).build()).run();
        Map<String, Double> ms = new HashMap<>();
        System.out.println();
        System.out.println("== baucu benchmarks (single thread) ==");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = r.getPrimaryResult().getScore();
            String unit = r.getPrimaryResult().getScoreUnit();
            ms.put(name, unit.startsWith("ms") ? score : unit.startsWith("us") ? score / 1000 : score);
            System.out.printf("%-40s %12.3f %s (± %.3f)%n", name, score, unit, r.getPrimaryResult().getScoreError());
        }
        Double national = ms.get("evaluateNationalCount");
        Double baseline = ms.get("baselinePercentagesOfNationalCount");
        if (national != null && baseline != null) {
            System.out.printf("national count of %,d contests: %.1f ms; %.2f× the baseline (percentages only)%n",
                    NationalCount.POLLING_AREAS, national, national / baseline);
            System.out.printf("goal: well under 1,000 ms in one thread -> %s%n", national < 1000 ? "MET" : "NOT MET");
        }
    }
}
