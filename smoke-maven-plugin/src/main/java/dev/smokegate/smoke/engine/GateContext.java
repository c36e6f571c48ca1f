package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.CloneCache;

/**
 * What every part of one gate run shares: the request and the manifest it loaded, the log, the
 * clone cache, and the builders of failures and verdicts of checks.
 *
 * @param request the gate's request, for paths shown to the user and the work directory
 * @param manifest the loaded manifest
 * @param log where progress and results are written
 * @param cache clones go through it
 * @param failures builds the failure of a step, {@code prepare} included
 * @param checks evaluates a step's checks
 * @param redaction masks the run's secrets in what the gate writes, such as the output of the
 *     commands it runs (see {@link Secrets})
 */
record GateContext(
        GateRequest request,
        Manifest manifest,
        SmokeLog log,
        CloneCache cache,
        StepFailures failures,
        StepChecks checks,
        Redaction redaction) {}
