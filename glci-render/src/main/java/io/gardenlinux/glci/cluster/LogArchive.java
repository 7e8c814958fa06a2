package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.cluster.TektonRuns.ChildTaskRun;
import io.gardenlinux.glci.cluster.TektonStatus.StepState;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The logs of every step of a PipelineRun in one zip, as the original's {@code get-logs} step wrote it for the
 * notification mail: an entry {@code <pipeline task>/<NN>_<step>.log} per step, {@code NN} its two-digit index
 * (from 00) in the task. The file is written whole or not at all.
 */
public final class LogArchive {

    private final ClusterConnection connection;
    private final Reporter reporter;

    public LogArchive(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
    }

    /** Writes the archive of {@code runName} to {@code zip}; returns the entry names written. */
    public List<String> write(String runName, Path zip) {
        TektonRuns runs = new TektonRuns(connection);
        GenericKubernetesResource run = runs.run(runName);
        List<ChildTaskRun> children = runs.children(run);
        Path dir = zip.toAbsolutePath().getParent();
        List<String> entries = new ArrayList<>();
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, zip.getFileName().toString(), ".part");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
                for (ChildTaskRun child : children) {
                    List<StepState> steps = child.status().steps();
                    for (int i = 0; i < steps.size(); i++) {
                        StepState step = steps.get(i);
                        String entry = child.pipelineTask() + "/" + String.format("%02d", i) + "_" + step.name()
                                + ".log";
                        out.putNextEntry(new ZipEntry(entry));
                        copyLog(child, step, out);
                        out.closeEntry();
                        entries.add(entry);
                    }
                }
            }
            Files.move(temporary, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new GlciException("cannot write the log archive " + zip + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    reporter.warn("cannot remove " + temporary + ": " + e.getMessage());
                }
            }
        }
        reporter.info("Wrote the logs of " + entries.size() + " step(s) of PipelineRun " + runName + " to " + zip);
        return List.copyOf(entries);
    }

    /** Streams one step's log into the archive; a log the cluster no longer has is noted in its entry. */
    private void copyLog(ChildTaskRun child, StepState step, OutputStream out) throws IOException {
        String pod = child.status().podName();
        if (pod == null || pod.isBlank()) {
            out.write(("(no pod: the step did not run)\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = "step " + step.name() + " of task " + child.pipelineTask();
        try (InputStream log = new TektonRuns(connection).logStream(name, pod, step.containerName(), 0)) {
            log.transferTo(out);
        } catch (ClusterException e) {
            reporter.warn("Getting logs failed: " + e.getMessage());
            out.write(("(" + e.getMessage() + ")\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
