package dev.atelier.search;

import dev.atelier.platform.AtelierApplication;
import org.springframework.boot.SpringApplication;

/** The search-indexer app: keeps Elasticsearch in step with tenant data and serves discovery. */
@AtelierApplication
public class SearchIndexerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SearchIndexerApplication.class, args);
    }
}
