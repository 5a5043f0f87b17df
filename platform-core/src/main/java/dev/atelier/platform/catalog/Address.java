package dev.atelier.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address. */
@Embeddable
public record Address(@Column(name = "address_line1") String line1, @Column(name = "address_city") String city,
        @Column(name = "address_region") String region, @Column(name = "address_postal_code") String postalCode,
        @Column(name = "address_country") String country) {
}
