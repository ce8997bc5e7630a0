package dev.scribe.writinganalysis.api.suite;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The tool behaviour suite over the canonical HTTP routes. */
class HttpToolBehaviourTest extends ToolBehaviourSuite {

    @Autowired DataSource dataSource;

    @Override
    protected void seed(ToolWorld world) {
        world.seed(dataSource);
    }

    @Override
    protected ToolClient openClient() {
        return new HttpToolClient(port);
    }
}
