package dev.tipflood.reports.junit;

import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.Units;
import dev.tipflood.reports.analysis.Verdict;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test suite per run, one test case per SLO, in the JUnit XML form CI
 * systems read (Jenkins, GitLab, GitHub test reporters). A failed SLO is a {@code <failure>},
 * an SLO the run could not measure is {@code <skipped>}.
 */
public final class JUnitXml {
  private JUnitXml() {
  }

  public static String of(RunAnalysis a) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      String suite = "tipflood." + a.run().scenario() + "." + a.run().profile();
      w.writeStartElement("testsuite");
      w.writeAttribute("name", suite);
      w.writeAttribute("tests", Integer.toString(a.slos().size()));
      w.writeAttribute("failures", Long.toString(a.failedSlos()));
      w.writeAttribute("errors", "0");
      w.writeAttribute("skipped", Long.toString(a.slos().stream().filter(v -> v.verdict() == Verdict.NOT_MEASURED).count()));
      w.writeAttribute("timestamp", a.run().startedAt());
      w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", a.run().durationSeconds()));
      w.writeCharacters("\n");
      w.writeStartElement("properties");
      property(w, "runDirectory", a.run().directory());
      property(w, "scenario", a.run().scenario());
      property(w, "profile", a.run().profile());
      property(w, "scale", Double.toString(a.run().scale()));
      w.writeEndElement();
      w.writeCharacters("\n");
      for (SloVerdict v : a.slos()) {
        w.writeCharacters("  ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", suite);
        w.writeAttribute("name", v.slo());
        w.writeAttribute("time", "0");
        String text = describe(v);
        if (v.verdict() == Verdict.FAIL) {
          w.writeStartElement("failure");
          w.writeAttribute("type", "SloFailed");
          w.writeAttribute("message", text);
          w.writeCharacters(text);
          w.writeEndElement();
        } else if (v.verdict() == Verdict.NOT_MEASURED) {
          w.writeStartElement("skipped");
          w.writeAttribute("message", v.detail());
          w.writeEndElement();
        } else {
          w.writeStartElement("system-out");
          w.writeCharacters(text);
          w.writeEndElement();
        }
        w.writeEndElement();
        w.writeCharacters("\n");
      }
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write junit.xml", e);
    }
    return out.toString();
  }

  /** {@code legitAcceptP99: measured 2431 ms, bound <= 5000 ms (fail): detail}. */
  public static String describe(SloVerdict v) {
    return v.slo() + ": measured " + Units.format(v.measured(), v.unit()) + ", bound " + v.comparison() + " "
        + Units.format(v.bound(), v.unit()) + " (" + v.verdict().id() + "): " + v.detail();
  }

  private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeEmptyElement("property");
    w.writeAttribute("name", name);
    w.writeAttribute("value", value);
  }
}
