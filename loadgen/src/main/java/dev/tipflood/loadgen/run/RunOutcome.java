package dev.tipflood.loadgen.run;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param exitCode the CLI exit code (see {@code ExitCodes})
 * @param status   one word for the manifest: completed, server-crashed, loadgen-failed, ...
 * @param message  what to tell the user
 * @param runDir   the run directory, or null if none was made
 */
public record RunOutcome(int exitCode, String status, String message, Path runDir) {
}
