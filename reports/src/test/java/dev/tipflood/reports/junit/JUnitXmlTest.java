package dev.tipflood.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.Fixtures;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {
  @TempDir
  Path dir;

  @Test
  void oneTestCasePerSloWithFailuresForFailedOnes() throws Exception {
    String xml = JUnitXml.of(RunAnalyzer.analyze(Fixtures.collapse(dir)));
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    Element suite = d.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("legitSuccessRatio");
    Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith("legitSuccessRatio: measured ").contains("bound >= 90.0%");
    assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(d.getElementsByTagName("failure").getLength()));
  }

  @Test
  void aSloWithoutDataIsSkipped() throws Exception {
    String xml = JUnitXml.of(RunAnalyzer.analyze(Fixtures.targetOnly(dir)));

    assertThat(xml).contains("skipped=\"2\"").contains("<skipped message=\"no server timeline (a --target run)\"");
  }
}
