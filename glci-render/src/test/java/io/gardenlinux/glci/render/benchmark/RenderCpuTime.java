package io.gardenlinux.glci.render.benchmark;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderedDocument;
import io.gardenlinux.glci.render.Rendering;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time one render of {@link RenderBenchmark} takes, per flavour count: on a machine whose cores are shared
 * with other work, the thread's CPU time shows the cost of rendering where JMH's wall clock also shows the waiting.
 * Same work as the benchmark: 100 renders of 100 flavours warm the JIT up, then per size 20 warm-up renders and the
 * median of 20 measured ones.
 */
public final class RenderCpuTime {

    private static final int WARMUP = 20;
    private static final int MEASURED = 20;

    private RenderCpuTime() {
    }

    /** The size of the image build pipeline, or why it was refused. */
    private static String outcome(RenderBenchmark benchmark) {
        try {
            Rendering rendering = PipelineRenderer.render(benchmark.options);
            RenderedDocument pipeline = rendering.documents().stream()
                    .filter(d -> d.name().equals("gardenlinux-build") && d.kind().equals("Pipeline")).findFirst()
                    .orElseThrow();
            return rendering.documents().size() + " documents; Pipeline gardenlinux-build: "
                    + pipeline.yaml().length() + " characters of YAML";
        } catch (InvalidInputException e) {
            return "refused: " + e.getMessage();
        }
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Blackhole sink = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly"
                + " is dangerous.");
        RenderBenchmark warmUp = new RenderBenchmark();
        warmUp.flavours = 100;
        warmUp.writeTree();
        for (int i = 0; i < 100; i++) {
            warmUp.renderValidateAndSerialise(sink);
        }
        warmUp.deleteTree();
        for (int flavours : new int[] {10, 100, 1000, 10000}) {
            RenderBenchmark benchmark = new RenderBenchmark();
            benchmark.flavours = flavours;
            benchmark.writeTree();
            try {
                System.out.println(flavours + " flavours: " + outcome(benchmark));
                for (int i = 0; i < WARMUP; i++) {
                    benchmark.renderValidateAndSerialise(sink);
                }
                long[] cpu = new long[MEASURED];
                for (int i = 0; i < MEASURED; i++) {
                    long start = threads.getCurrentThreadCpuTime();
                    benchmark.renderValidateAndSerialise(sink);
                    cpu[i] = threads.getCurrentThreadCpuTime() - start;
                }
                Arrays.sort(cpu);
                System.out.printf("%6d flavours: median %8.1f ms CPU, min %8.1f ms, max %8.1f ms%n", flavours,
                        cpu[MEASURED / 2] / 1e6, cpu[0] / 1e6, cpu[MEASURED - 1] / 1e6);
            } finally {
                benchmark.deleteTree();
            }
        }
        sink.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}
