package dev.atelier.portal.resources;

import dev.atelier.platform.catalog.Resource;

/** A resource as the portal shows it. */
record ResourceView(String id, String locationId, String name, String type, boolean active) {

    static ResourceView of(Resource resource) {
        return new ResourceView(resource.id().toString(), resource.locationId().toString(), resource.name(),
                resource.type(), resource.active());
    }
}
