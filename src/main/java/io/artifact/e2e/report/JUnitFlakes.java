package io.artifact.e2e.report;

import io.artifact.e2e.report.MatrixSummary.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Marks flaky scenarios in the first attempt's JUnit XML the way Surefire does (and Jenkins and
 * GitLab read): the testcase's {@code <failure>} becomes {@code <flakyFailure>}, so the case is no
 * longer counted failed, yet its first failure stays visible. Cucumber names a testcase by feature
 * ({@code classname}) and by scenario, an Examples row's name ending in {@code ": <row name>"}.
 */
final class JUnitFlakes {

  private JUnitFlakes() {}

  static void mark(Path xml, List<ScenarioResult> scenarios) {
    List<ScenarioResult> flaky = scenarios.stream().filter(s -> s.verdict() == Verdict.FLAKY).toList();
    if (flaky.isEmpty() || !Files.isRegularFile(xml)) return;
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
      NodeList cases = doc.getElementsByTagName("testcase");
      Set<Element> marked = new HashSet<>();
      for (ScenarioResult s : flaky) {
        for (int i = 0; i < cases.getLength(); i++) {
          Element tc = (Element) cases.item(i);
          if (marked.contains(tc) || !names(tc, s)) continue;
          NodeList children = tc.getChildNodes();
          for (int c = 0; c < children.getLength(); c++) {
            Node child = children.item(c);
            if (child instanceof Element e && (e.getTagName().equals("failure") || e.getTagName().equals("error"))) doc.renameNode(e, null, "flakyFailure");
          }
          marked.add(tc);
          break;
        }
      }
      for (String count : List.of("failures", "errors")) {
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
          Element suite = (Element) suites.item(i);
          suite.setAttribute(count, String.valueOf(suite.getElementsByTagName(count.equals("failures") ? "failure" : "error").getLength()));
        }
      }
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(doc), new StreamResult(xml.toFile()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot mark flaky scenarios in " + xml + ": " + e.getMessage(), e);
    }
  }

  private static boolean names(Element tc, ScenarioResult s) {
    String name = tc.getAttribute("name");
    return tc.getAttribute("classname").equals(s.feature())
        && (name.equals(s.name()) || name.endsWith(": " + s.name()) || name.endsWith(" - " + s.name()));
  }
}
