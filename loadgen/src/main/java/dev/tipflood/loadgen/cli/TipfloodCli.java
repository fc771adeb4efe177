package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.target.TargetRefusedException;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.gatling.Versions;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProcess;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.loadgen.run.RunOrchestrator;
import dev.tipflood.reports.compare.ComparisonException;
import dev.tipflood.reports.rundir.RunDirectoryException;
import dev.tipflood.scenarios.validate.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar tipflood.jar <command>}: plan, run, scenarios, validate, corpus, serve, summarize, report, check,
 * sweep, compare, pdq, verify.
 * Exceptions map to the documented {@link ExitCodes}.
 */
@Command(name = "tipflood", mixinStandardHelpOptions = true, versionProvider = TipfloodCli.Version.class,
    description = "Replay a flood against a tip-submission service, watch it degrade, compare defences.",
    subcommands = {PlanCommand.class, RunCommand.class, ScenariosCommand.class, ValidateCommand.class, CorpusCommand.class,
        ServeCommand.class, SummarizeCommand.class, ReportCommand.class, CheckCommand.class, SweepCommand.class,
        CompareCommand.class, PdqCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:completed",
        "1:internal error",
        "2:bad usage",
        "3:invalid scenario or server profile",
        "4:target unreachable",
        "5:server crashed (failed to start, or died during the run)",
        "6:target refused (not loopback; see --i-own-this-target)",
        "7:load generator failed (Gatling crashed or hit the hard stop)",
        "8:a needed file is missing (server jar, run directory, a file of it)",
        "9:an SLO failed (run --fail-on-slo, check)",
        "10:check: a regression against the baseline",
        "11:a run directory or baseline is unreadable (truncated, corrupt, other format)",
        "12:pdq: a file could not be hashed (each is named; the others are hashed)",
        "13:verify: an acknowledged tip is missing or corrupt",
        "130:interrupted (Ctrl-C); sweep writes its report from the steps done"})
public final class TipfloodCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TipfloodCli());
    cl.setExecutionExceptionHandler(TipfloodCli::handle);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    String what;
    if (e instanceof ScenarioException) {
      code = ExitCodes.INVALID_SCENARIO;
      what = "invalid scenario";
    } else if (e instanceof ServerProfileInfo.InvalidProfileException) {
      code = ExitCodes.INVALID_SCENARIO;
      what = "invalid server profile";
    } else if (e instanceof RunOrchestrator.UnreachableTargetException) {
      code = ExitCodes.UNREACHABLE_TARGET;
      what = "target unreachable";
    } else if (e instanceof ServerProcess.ServerStartException) {
      code = ExitCodes.SERVER_CRASHED;
      what = "server failed to start";
    } else if (e instanceof TargetRefusedException) {
      code = ExitCodes.REFUSED_TARGET;
      what = "target refused";
    } else if (e instanceof RunDirectoryException r) {
      code = r.kind() == RunDirectoryException.Kind.MISSING ? ExitCodes.MISSING_FILE : ExitCodes.UNREADABLE_RUN;
      what = r.kind() == RunDirectoryException.Kind.MISSING ? "missing file" : "unreadable run directory";
    } else if (e instanceof ComparisonException) {
      code = ExitCodes.USAGE;
      what = "cannot compare";
    } else if (e instanceof ServerJarLocator.ServerJarNotFoundException) {
      code = ExitCodes.MISSING_FILE;
      what = "missing server jar";
    } else {
      code = ExitCodes.INTERNAL;
      what = "internal error";
      e.printStackTrace(err);
    }
    err.println("tipflood: " + what + ": " + e.getMessage());
    err.flush();
    return code;
  }

  /** Version line. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tipflood " + Versions.tipflood() + " (Gatling " + Versions.gatling() + ", Java "
          + System.getProperty("java.version") + ")"};
    }
  }
}
