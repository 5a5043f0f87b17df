package dev.atelier.storefront.pages;

import java.util.Map;

/** Reading back the maps the pages are built from. */
final class PageMaps {

    private PageMaps() {
    }

    /** The schema.org salon kept with a location's page content. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> salonOf(Map<String, Object> location) {
        return (Map<String, Object>) location.get("salon");
    }
}
