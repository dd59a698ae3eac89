package vn.baucu.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Percentages;

/**
 * Evaluating contests, single-threaded. The baseline does the least any evaluation must do — read
 * every candidate's votes and compute their percentages with the shared policy — so the ratio shows
 * what the rules add on top of that.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContestEvaluationBench {

    List<ContestFigures> national;
    ContestFigures one;

    @Setup
    public void setUp() {
        national = NationalCount.contests(NationalCount.POLLING_AREAS, 2026);
        one = national.get(0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object evaluateOneContest() {
        return ContestEvaluator.evaluate(one);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void evaluateNationalCount(Blackhole bh) {
        for (ContestFigures f : national) {
            bh.consume(ContestEvaluator.evaluate(f));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void baselinePercentagesOfNationalCount(Blackhole bh) {
        for (ContestFigures f : national) {
            for (ContestFigures.CandidateFigures c : f.candidates()) {
                bh.consume(Percentages.format(c.votes(), f.validBallots()));
            }
        }
    }
}
