package dev.tipflood.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The architecture rules that keep the load generator's ground truth inside the measurement
 * plane, and the capacity model free of frameworks and wall clocks. See docs/measurement.md.
 */
public final class GroundTruthRules {

  static final String MEASURE = "dev.tipflood.server.measure..";
  static final String TRUTH_TYPES = "dev.tipflood.server.measure.truth..";
  static final String HEADER_PREFIX = "x-tipflood-";

  private GroundTruthRules() {}

  /** Only the measurement plane may use the truth types (Truth, TruthLabel, TruthHeaders, ...). */
  public static final ArchRule TRUTH_TYPES_STAY_IN_MEASURE =
      noClasses().that().resideOutsideOfPackage(MEASURE)
          .should().dependOnClassesThat().resideInAPackage(TRUTH_TYPES)
          .because("only the measurement plane may know which requests are junk (DESIGN.md)");

  /**
   * Only the measurement plane may name a truth header. Header names written as string literals
   * leave no dependency behind, so this rule reads each class file's constant pool.
   */
  public static final ArchRule TRUTH_HEADER_NAMES_STAY_IN_MEASURE =
      classes().that().resideOutsideOfPackage(MEASURE)
          .should(notMentionTheTruthHeaders())
          .because("a defence that reads X-Tipflood-* would be scored on the answers it was given");

  /** Defences learn about junk only through reviewers' verdicts, never from measurement. */
  public static final ArchRule DEFENCES_DO_NOT_DEPEND_ON_MEASURE =
      noClasses().that().resideInAnyPackage("..defence..", "..defences..")
          .should().dependOnClassesThat().resideInAPackage(MEASURE)
          .because("the reviewer's verdict is the one legitimate path from truth to defence");

  /**
   * The reviewers' oracle answers with the truth itself: only the simulated reviewer (the model)
   * and the measurement plane that implements it may hold one. A defence learns from the
   * reviewer's {@code Verdict}, which is wrong at the profile's error rate, never from the oracle.
   */
  public static final ArchRule DEFENCES_DO_NOT_ASK_THE_ORACLE =
      noClasses().that().resideInAnyPackage("..defence..", "..defences..")
          .should().dependOnClassesThat().haveFullyQualifiedName("dev.tipflood.server.model.review.GroundTruthOracle")
          .because("triage may learn only what a reviewer decided, errors included (DESIGN.md, the triage trap)");

  /**
   * Defence policies (everything in a defence package but its Vert.x edge, {@code defence.http})
   * hold no framework types and read time only from their injected clock.
   */
  public static final ArchRule DEFENCE_POLICIES_ARE_FRAMEWORK_FREE_AND_CLOCK_INJECTED =
      noClasses().that().resideInAnyPackage("..defence..").and().resideOutsideOfPackage("..defence.http..")
          .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
          .orShould().callMethod(System.class, "nanoTime")
          .orShould().callMethod(System.class, "currentTimeMillis")
          .orShould().callMethod(Thread.class, "sleep", long.class)
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
          .because("a policy must run the same in the server, a unit test with a manual clock and virtual time");

  /** The capacity model runs on an injected scheduler, outside any framework. */
  public static final ArchRule MODEL_IS_FRAMEWORK_FREE =
      noClasses().that().resideInAPackage("dev.tipflood.server.model..")
          .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", MEASURE)
          .because("the model must also run in a unit test and a virtual-time simulation");

  /** Model time comes from the scheduler only: no wall clock, no nanoTime, no sleeping. */
  public static final ArchRule MODEL_READS_NO_CLOCK =
      noClasses().that().resideInAPackage("dev.tipflood.server.model..")
          .should().callMethod(System.class, "nanoTime")
          .orShould().callMethod(System.class, "currentTimeMillis")
          .orShould().callMethod(Thread.class, "sleep", long.class)
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
          .because("model costs are virtual delays on an injected scheduler");

  static ArchCondition<JavaClass> notMentionTheTruthHeaders() {
    return new ArchCondition<>("not mention a truth header name (" + HEADER_PREFIX + "*)") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        boolean mentions = constantPoolText(javaClass).contains(HEADER_PREFIX);
        String message = javaClass.getName() + " mentions " + HEADER_PREFIX + "* in its constants";
        events.add(new SimpleConditionEvent(javaClass, !mentions, message));
      }
    };
  }

  /** The class file as lower-case Latin-1 text: every ASCII string constant appears verbatim. */
  private static String constantPoolText(JavaClass javaClass) {
    var source = javaClass.getSource().orElseThrow(
        () -> new IllegalStateException("no class file for " + javaClass.getName()));
    try (InputStream in = source.getUri().toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.getUri(), e);
    }
  }
}
