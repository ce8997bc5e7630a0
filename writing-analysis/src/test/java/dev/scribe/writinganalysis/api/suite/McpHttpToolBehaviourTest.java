package dev.scribe.writinganalysis.api.suite;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tool behaviour suite through the MCP Java SDK client over Streamable HTTP at {@code /mcp}.
 */
class McpHttpToolBehaviourTest extends ToolBehaviourSuite {

    @Autowired DataSource dataSource;

    @Override
    protected void seed(ToolWorld world) {
        world.seed(dataSource);
    }

    @Override
    protected ToolClient openClient() {
        return McpToolClient.overHttp(port);
    }
}
