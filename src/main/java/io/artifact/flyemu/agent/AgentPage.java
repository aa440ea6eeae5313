package io.artifact.flyemu.agent;

/** The page a user sees after the replay lands on their agent's worker Machine. */
final class AgentPage {

  private AgentPage() {}

  static String render(String machineId, AgentHost.Loaded agent, String image) {
    return """
        <!doctype html>
        <html><head><title>%2$s</title></head>
        <body>
        <h1>Agent %2$s</h1>
        <dl>
        <dt>computer</dt><dd id="computer">%1$s</dd>
        <dt>agent</dt><dd id="agent">%2$s</dd>
        <dt>machine</dt><dd id="machine">%3$s</dd>
        <dt>image</dt><dd id="image">%4$s</dd>
        </dl>
        </body></html>
        """.formatted(escape(agent.computerId()), escape(agent.agentId()), escape(machineId), escape(image));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
