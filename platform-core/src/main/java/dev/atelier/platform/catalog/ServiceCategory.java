package dev.atelier.platform.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A heading of the service menu: Cuts, Colour, Nails… */
@Entity
@Table(name = "service_category")
public class ServiceCategory {

    @Id
    private UUID id;

    private String name;

    private int position;

    protected ServiceCategory() {
    }

    public ServiceCategory(String name, int position) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.position = position;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }
}
