package dev.atelier.platform.tenancy.internal;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/** Parses Liquibase changelogs from the classpath. */
final class ChangeLogs {

    private ChangeLogs() {
    }

    static DatabaseChangeLog parse(String path, ResourceAccessor resources) {
        try {
            return ChangeLogParserFactory.getInstance()
                    .getParser(path, resources)
                    .parse(path, new ChangeLogParameters(), resources);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("cannot parse changelog " + path, e);
        }
    }
}
