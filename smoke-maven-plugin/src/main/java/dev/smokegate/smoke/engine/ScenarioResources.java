package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Service;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.process.ServiceProcess;
import dev.smokegate.smoke.workspace.Deletion;
import dev.smokegate.smoke.workspace.PreviousWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What one run of a scenario holds, from the moment it starts until it ends, passed or failed. The
 * runner opens one per scenario run and closes it in try-with-resources, so nothing a scenario
 * holds outlives it, even when a step fails or throws.
 *
 * <p>Today it owns the scenario folder: {@link #open} empties and re-creates it (so no log,
 * workspace or export of an earlier run is mistaken for this one's) and lays it out as the gate
 * values name it: the step logs in the folder itself, {@code workspace/} and {@code export/}. The
 * folder is kept when the scenario ends, for the user to read.
 *
 * <p>It is also where a scenario registers what must be given back when it ends ({@link
 * #register}): its ports ({@code ${port.NAME}}) and its services ({@link #addService}: background
 * processes a scenario starts, stopped with their whole process tree, each with its own stop
 * timeout, and whatever they left behind killed). {@link #close} closes those in reverse order of
 * registration (the services in reverse start order, then the ports), and a failure to close one is
 * logged as a warning and does not stop the others.
 */
final class ScenarioResources implements AutoCloseable {
    private final Path folder;
    private final SmokeLog log;
    private final Deque<AutoCloseable> registered = new ArrayDeque<>();
    private final Map<String, Started> running = new LinkedHashMap<>();

    /**
     * A service of the scenario.
     *
     * @param service the service as the manifest declares it (its stop timeout)
     * @param command its command as run, as messages show it
     * @param process its process
     */
    record Started(Service service, String command, ServiceProcess process) {}

    private ScenarioResources(Path folder, SmokeLog log) {
        this.folder = folder;
        this.log = log;
    }

    /**
     * Empties and re-creates the scenario folder: what an earlier run left there is renamed aside
     * and deleted in the background ({@link Deletion#deleteInBackground}), except the workspace of a
     * checkout copy, which is kept aside for the next copy ({@link PreviousWorkspace#setAside}).
     *
     * @param folder the scenario folder, {@code <work directory>/<scenario name>}
     * @param log where a failure to close a registered resource is reported
     * @return the resources of the run, with nothing registered yet
     * @throws IOException when the folder cannot be deleted or created
     */
    static ScenarioResources open(Path folder, SmokeLog log) throws IOException {
        long start = System.nanoTime();
        PreviousWorkspace.setAside(workspace(folder), message -> log.debug("[smoke] " + message));
        if (Deletion.deleteInBackground(folder, message -> log.debug("[smoke] " + message))) {
            log.debug("[smoke] timing: earlier run's folder " + folder + " moved aside in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }
        Files.createDirectories(folder);
        return new ScenarioResources(folder, log);
    }

    /**
     * The gate values of a scenario whose folder is {@code folder}: the placeholders {@code
     * smoke.workspace}, {@code smoke.export}, {@code smoke.scenario} and {@code smoke.logs}.
     *
     * @param scenario the scenario name
     * @param folder its folder, existing or not
     * @return the values by placeholder name
     */
    static Map<String, String> gateValues(String scenario, Path folder) {
        return Map.of(
                "smoke.workspace", workspace(folder).toString(),
                "smoke.export", export(folder).toString(),
                "smoke.scenario", scenario,
                "smoke.logs", folder.toString());
    }

    /** @return the scenario folder, where the step logs are written */
    Path folder() {
        return folder;
    }

    /** @return the workspace the steps run in; made when the scenario prepares it */
    Path workspace() {
        return workspace(folder);
    }

    /** @return the folder export steps write to; made by the first export step */
    Path export() {
        return export(folder);
    }

    private static Path workspace(Path folder) {
        return folder.resolve("workspace");
    }

    private static Path export(Path folder) {
        return folder.resolve("export");
    }

    /**
     * Hands a resource to this run, to be closed when the scenario ends.
     *
     * @param resource what to close; closed before everything registered earlier
     */
    void register(AutoCloseable resource) {
        registered.push(resource);
    }

    /**
     * Hands a started service to this run: it is closed (stopped, its leftovers killed) when the
     * scenario ends, and counts as running until a {@code stop} step takes it ({@link #stop}).
     *
     * @param service the started service, running or not; its name is unique in the scenario (the
     *     manifest loader checks that)
     */
    void addService(Started service) {
        register(service.process());
        running.put(service.service().name(), service);
    }

    /**
     * Takes a service for its {@code stop} step: it no longer counts as running, and is still closed
     * when the scenario ends.
     *
     * @param name the service's name
     * @return the service, or empty when no service of that name runs
     */
    Optional<Started> stop(String name) {
        return Optional.ofNullable(running.remove(name));
    }

    /**
     * @return the services started and not stopped by a step, by name, in start order (whether their
     *     process still runs or has exited)
     */
    Map<String, Started> running() {
        return new LinkedHashMap<>(running);
    }

    /** Closes every registered resource, the last registered first; never throws. */
    @Override
    public void close() {
        running.clear();
        while (!registered.isEmpty()) {
            AutoCloseable resource = registered.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("[smoke] cannot close " + resource + " of " + folder + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "ScenarioResources[" + folder + ", " + registered.size() + " registered]";
    }
}
